using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Text;
using static System.FormattableString;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>One factory per <see cref="InputCodes"/> code, and for the name rules (ALU2601, ALU2602).</summary>
public static class InputDiagnostics
{
    public static Diagnostic NotRegularFile(SourceSpan where, string path, FileKind kind) =>
        Error(where, InputCodes.NotRegularFile, $"'{EchoText.Short(path)}' is {FileKinds.Describe(kind)}, not a regular file; alu reads its inputs only from regular files.",
            "Save the content to a file first (for example: cat SOURCE > input.yaml) and give that file.");

    public static Diagnostic TooManyNodes(SourceSpan where, long limit) =>
        Error(where, InputCodes.TooManyNodes, Invariant($"The document has more than {limit} YAML nodes (values, lists and maps); alu refuses to build it."),
            "Split it: a runbook imports fragments, and no inventory, params or approval file needs this many values.");

    public static Diagnostic InvalidClusterName(SourceSpan where, string name, string reason) =>
        Error(where, DiagnosticCodes.InvalidClusterName, $"The cluster name '{EchoText.Short(name)}' is not a valid Windows cluster name: {reason}.",
            "Use the cluster's NetBIOS name as Get-Cluster shows it: 1 to 15 letters, digits and hyphens, starting with a letter or digit, not only digits.");

    public static Diagnostic InvalidNodeName(SourceSpan where, string name, string reason) =>
        Error(where, DiagnosticCodes.InvalidNodeName, $"The node name '{EchoText.Short(name)}' is not a valid Windows computer name: {reason}.",
            "Use the node's host name as Get-ClusterNode shows it: 1 to 63 letters, digits and hyphens, starting with a letter or digit, not only digits.");

    public static Diagnostic InvalidRunId(string runId, string reason) =>
        new(InputCodes.InvalidRunId, Severity.Error, SourceSpan.None, $"'{EchoText.Short(runId)}' is not a run id: {reason}.",
            "Run ids look like 20261123-021500-hci01-a1b2; alu status lists them.");

    public static Diagnostic PathOutsideStateDirectory(string path, string stateDirectory) =>
        new(InputCodes.PathOutsideStateDirectory, Severity.Error, SourceSpan.At(path, 1, 1),
            $"'{EchoText.Short(path)}' lies outside the state folder {stateDirectory}; alu reads and writes its state only inside it.",
            "A file in the state folder was edited to point elsewhere: restore it, or start a new run.");

    private static Diagnostic Error(SourceSpan where, string code, string message, string hint) => new(code, Severity.Error, where, message, hint);
}
