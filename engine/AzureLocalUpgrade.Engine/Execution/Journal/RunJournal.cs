using System.Text;
using System.Text.Json;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// The append-only run journal (JSON lines). Every record is flushed before <see cref="Append"/> returns, so a crash
/// right after a step starts still leaves the step-started line behind: through to the disk, or for simulated
/// clusters into the operating system only (<see cref="JournalDurability"/>). Safe to call from concurrently running steps.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly bool _fsyncEachRecord;
    private bool _disposed;

    private RunJournal(string path, FileStream stream, JournalDurability durability)
    {
        Path = path;
        _stream = stream;
        _fsyncEachRecord = durability == JournalDurability.PowerLoss;
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) a journal for appending.</summary>
    public static RunJournal Open(string path, JournalDurability durability = JournalDurability.PowerLoss)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        var journal = new RunJournal(path, stream, durability);
        journal.RepairTornTail();
        return journal;
    }

    public void Append(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.Serialize(record, JournalJson.Options) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: _fsyncEachRecord);
        }
    }

    /// <summary>Closes the journal, through to the disk whatever the durability: a run that ends leaves it complete.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
        }
    }

    /// <summary>A crash mid-write can leave a last line without its newline; start the next record on a fresh line.</summary>
    private void RepairTornTail()
    {
        if (_stream.Length == 0)
        {
            return;
        }

        using var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(-1, SeekOrigin.End);
        if (reader.ReadByte() != '\n')
        {
            _stream.Write("\n"u8);
            _stream.Flush(flushToDisk: true);
        }
    }
}
