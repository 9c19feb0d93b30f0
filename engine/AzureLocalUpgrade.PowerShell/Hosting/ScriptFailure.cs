using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>What went wrong in a script, and where in the runbook file, when PowerShell says where.</summary>
internal sealed record ScriptFailure(string Message, SourceSpan Position)
{
    /// <summary>The simulator's error id for a command run in a session its node's restart has broken.</summary>
    private const string SimulatedBrokenSession = "PSSessionStateBroken";

    public static ScriptFailure From(Exception exception, EmbeddedText script) =>
        From((exception as IContainsErrorRecord)?.ErrorRecord, exception.Message, script);

    public static ScriptFailure From(ErrorRecord record, EmbeddedText script) =>
        From(record, record.ToString(), script);

    /// <summary>
    /// True when the failure means the session itself is gone (transport dropped, remote runspace broken, or the
    /// simulator's broken-session error) rather than that the script failed.
    /// </summary>
    public static bool MeansSessionBroken(Exception? exception, IEnumerable<ErrorRecord> errors, Runspace runspace)
    {
        if (runspace.RunspaceStateInfo.State is RunspaceState.Broken or RunspaceState.Closed or RunspaceState.Closing)
        {
            return true;
        }

        var records = errors.ToList();
        if ((exception as IContainsErrorRecord)?.ErrorRecord is { } terminating)
        {
            records.Add(terminating);
        }

        return exception is PSRemotingTransportException or PSRemotingDataStructureException
            || exception?.InnerException is PSRemotingTransportException
            || records.Any(r => r.FullyQualifiedErrorId?.StartsWith(SimulatedBrokenSession, StringComparison.Ordinal) == true
                || r.Exception is PSRemotingTransportException);
    }

    private static ScriptFailure From(ErrorRecord? record, string message, EmbeddedText script) =>
        new(message, PositionOf(record?.InvocationInfo, script));

    // PowerShell reports positions relative to the script block the error came from. The step's block was created
    // from the step text, so its positions map into the YAML; a position whose line text differs belongs to the
    // wrapper (a binding failure) and is not reported.
    private static SourceSpan PositionOf(InvocationInfo? invocation, EmbeddedText script)
    {
        if (invocation is null || invocation.ScriptLineNumber <= 0 || !string.IsNullOrEmpty(invocation.ScriptName))
        {
            return SourceSpan.None;
        }

        var lines = script.Value.Split('\n');
        var line = invocation.ScriptLineNumber;
        if (line > lines.Length || !string.Equals(lines[line - 1].TrimEnd('\r'), invocation.Line?.TrimEnd('\r', '\n'), StringComparison.Ordinal))
        {
            return SourceSpan.None;
        }

        return script.Map(line, Math.Max(1, invocation.OffsetInLine));
    }
}
