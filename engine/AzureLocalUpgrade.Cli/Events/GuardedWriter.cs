namespace AzureLocalUpgrade.Cli.Events;

/// <summary>
/// Writes whole lines and flushes each one. A reader that went away (<c>alu run ... | head</c>, a closed log pipe)
/// must not fail an upgrade that is half done: the first failed write is reported once on the error writer and
/// the stream goes quiet; the journal still records everything.
/// </summary>
internal sealed class GuardedWriter(TextWriter output, TextWriter error, string streamName)
{
    private bool _broken;

    public void WriteLine(string line)
    {
        if (_broken)
        {
            return;
        }

        try
        {
            output.Write(line);
            output.Write('\n');
            output.Flush();
        }
        catch (Exception writeError) when (writeError is IOException or ObjectDisposedException)
        {
            _broken = true;
            TryReport($"alu: the {streamName} stream cannot be written any more ({writeError.Message}); the run goes on and its journal records every event.");
        }
    }

    public void Flush()
    {
        if (_broken)
        {
            return;
        }

        try
        {
            output.Flush();
        }
        catch (Exception flushError) when (flushError is IOException or ObjectDisposedException)
        {
            _broken = true;
        }
    }

    private void TryReport(string message)
    {
        try
        {
            error.WriteLine(message);
            error.Flush();
        }
        catch (Exception reportError) when (reportError is IOException or ObjectDisposedException)
        {
            // Both streams are gone: nothing left to tell, and the journal is the record.
        }
    }
}
