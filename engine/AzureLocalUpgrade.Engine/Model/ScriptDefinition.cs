namespace AzureLocalUpgrade.Engine.Model;

/// <summary>
/// A PowerShell script and where it runs. Scripts see <c>$Node</c>, <c>$Nodes</c>, <c>$ClusterName</c>,
/// <c>$Params</c> and <c>$Inputs</c> as bound parameters, never as spliced text.
/// </summary>
/// <param name="TargetFromDefault">
/// True when <c>on:</c> was not written and <see cref="On"/> is the reader's default for the step's place in its
/// own file. A fragment does not know where it is called, so the compiler re-applies the default at the call site
/// (node inside a forEach group, cluster elsewhere) for these scripts.
/// </param>
public sealed record ScriptDefinition(TargetKind On, EmbeddedText Script, bool TargetFromDefault = false);
