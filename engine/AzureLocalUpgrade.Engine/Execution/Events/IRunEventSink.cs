namespace AzureLocalUpgrade.Engine.Execution.Events;

/// <summary>Receives run events. Calls are serialised by the executor (never concurrent), in journal order.</summary>
public interface IRunEventSink
{
    void Publish(RunEvent runEvent);
}
