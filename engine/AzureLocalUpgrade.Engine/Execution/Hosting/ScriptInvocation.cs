using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Execution.Hosting;

/// <summary>
/// One script call. <see cref="Parameters"/> are bound by name (Node, Nodes, ClusterName, Params, Inputs);
/// nothing is ever spliced into <see cref="Script"/>. Secret values arrive as <see cref="SecretValue"/>.
/// </summary>
public sealed record ScriptInvocation(
    string StepId,
    StepTarget Target,
    EmbeddedText Script,
    IReadOnlyDictionary<string, object?> Parameters,
    TimeSpan? Timeout,
    TimeSpan ReconnectTimeout);
