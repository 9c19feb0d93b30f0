namespace AzureLocalUpgrade.Engine.Model;

public enum ParameterType
{
    String,
    Int,
    Bool,
    Duration,
    Path,

    /// <summary>Never printed: plans, journals, logs and reports show it as <c>***</c>.</summary>
    Secret,
}
