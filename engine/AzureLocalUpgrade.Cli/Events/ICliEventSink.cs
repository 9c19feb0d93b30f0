using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// An event sink the CLI owns for the length of a run. Dispose it when the executor returns: a live display stops
/// redrawing and prints its summary, buffered writers flush.
/// </summary>
public interface ICliEventSink : IRunEventSink, IDisposable
{
}
