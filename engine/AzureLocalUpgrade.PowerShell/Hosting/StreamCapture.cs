using System.Management.Automation;
using AzureLocalUpgrade.Engine.Execution.Hosting;
using AzureLocalUpgrade.Engine.Execution.Journal;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// Records a pipeline's error, warning, verbose, information and debug streams in arrival order, each message
/// scrubbed of secrets as it arrives (so clear text never sits in a result, even briefly).
/// </summary>
internal sealed class StreamCapture
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Verbose = "verbose";
    public const string Information = "information";
    public const string Debug = "debug";

    private readonly List<StreamRecord> _records = [];
    private readonly SecretRedactor _redactor;

    private StreamCapture(SecretRedactor redactor) => _redactor = redactor;

    public IReadOnlyList<StreamRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>The error records the script wrote (a failure is reported from the first).</summary>
    public List<ErrorRecord> Errors { get; } = [];

    public static StreamCapture Attach(System.Management.Automation.PowerShell shell, SecretRedactor redactor)
    {
        var capture = new StreamCapture(redactor);
        var streams = shell.Streams;
        streams.Error.DataAdded += (_, e) =>
        {
            var record = streams.Error[e.Index];
            lock (capture._records)
            {
                capture.Errors.Add(record);
            }

            capture.Add(Error, record.ToString());
        };
        streams.Warning.DataAdded += (_, e) => capture.Add(Warning, streams.Warning[e.Index].Message);
        streams.Verbose.DataAdded += (_, e) => capture.Add(Verbose, streams.Verbose[e.Index].Message);
        streams.Information.DataAdded += (_, e) => capture.Add(Information, streams.Information[e.Index].MessageData?.ToString() ?? "");
        streams.Debug.DataAdded += (_, e) => capture.Add(Debug, streams.Debug[e.Index].Message);
        return capture;
    }

    /// <summary>Adds the terminating error unless the script already wrote the same message to the error stream.</summary>
    public void AddTerminatingError(string message)
    {
        var redacted = _redactor.Redact(message) ?? "";
        lock (_records)
        {
            if (!_records.Any(r => r.Stream == Error && r.Message == redacted))
            {
                _records.Add(new StreamRecord(Error, redacted));
            }
        }
    }

    private void Add(string stream, string? message)
    {
        var record = new StreamRecord(stream, _redactor.Redact(message) ?? "");
        lock (_records)
        {
            _records.Add(record);
        }
    }
}
