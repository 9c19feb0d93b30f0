using AzureLocalUpgrade.Engine.Execution.Events;

namespace AzureLocalUpgrade.Cli.Events;

/// <summary>Sends every event to each sink in order (a console display and a logger, say); disposes them in reverse.</summary>
public sealed class CompositeEventSink : ICliEventSink
{
    private readonly IReadOnlyList<IRunEventSink> _sinks;

    public CompositeEventSink(params IReadOnlyList<IRunEventSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        _sinks = sinks;
    }

    public IReadOnlyList<IRunEventSink> Sinks => _sinks;

    public void Publish(RunEvent runEvent)
    {
        foreach (var sink in _sinks)
        {
            sink.Publish(runEvent);
        }
    }

    public void Dispose()
    {
        for (var i = _sinks.Count - 1; i >= 0; i--)
        {
            (_sinks[i] as IDisposable)?.Dispose();
        }
    }
}
