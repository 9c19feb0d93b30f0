namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A PowerShell script and where it runs. Scripts see <c>$Node</c>, <c>$Nodes</c>, <c>$ClusterName</c>,
/// <c>$Params</c> and <c>$Inputs</c> as bound parameters, never as spliced text.
/// </summary>
public sealed record ScriptDefinition(TargetKind On, EmbeddedText Script)
{
    /// <summary>
    /// True when the YAML gave no <c>on:</c>; the compiler then picks <c>node</c> inside <c>forEach: node</c> and
    /// <c>cluster</c> elsewhere (a fragment step cannot know where it will be called). False: <see cref="On"/> is literal.
    /// </summary>
    public bool OnDefaulted { get; init; }
}
