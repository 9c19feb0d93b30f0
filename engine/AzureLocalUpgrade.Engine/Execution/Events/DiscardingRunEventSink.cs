namespace AzureLocalUpgrade.Engine.Execution.Events;

/// <summary>For callers that only want the <see cref="RunResult"/> and the journal.</summary>
public sealed class DiscardingRunEventSink : IRunEventSink
{
    public static readonly DiscardingRunEventSink Instance = new();

    public void Publish(RunEvent runEvent)
    {
    }
}
