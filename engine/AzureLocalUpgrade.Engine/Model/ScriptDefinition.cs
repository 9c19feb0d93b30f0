namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A PowerShell script and where it runs. Scripts see <c>$Node</c>, <c>$Nodes</c>, <c>$ClusterName</c>,
/// <c>$Params</c> and <c>$Inputs</c> as bound parameters, never as spliced text.
/// </summary>
public sealed record ScriptDefinition(TargetKind On, EmbeddedText Script);
