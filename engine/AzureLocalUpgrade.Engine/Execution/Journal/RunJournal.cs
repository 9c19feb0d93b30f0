using System.Text;
using System.Text.Json;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>
/// The append-only run journal (JSON lines). Every record is flushed before <see cref="Append"/> returns, so a crash
/// right after a step starts still leaves the step-started line behind: through to the disk, or for simulated
/// clusters into the operating system only (<see cref="JournalDurability"/>). Safe to call from concurrently running
/// steps. When opened under a claim (<see cref="IJournalFence"/>), every write is fenced: a process that lost the
/// cluster's claim writes nothing more.
/// </summary>
public sealed class RunJournal : Storage.IRunJournal
{
    private const int TailBlock = 4096;
    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly bool _fsyncEachRecord;
    private readonly IJournalFence? _fence;
    private bool _disposed;

    private RunJournal(string path, FileStream stream, JournalDurability durability, IJournalFence? fence)
    {
        Path = path;
        _stream = stream;
        _fsyncEachRecord = durability == JournalDurability.PowerLoss;
        _fence = fence;
    }

    public string Path { get; }

    /// <summary>Bytes of a torn last line (a crash while it was written) cut off when the journal was opened.</summary>
    public long TornTailBytesDropped { get; private set; }

    /// <summary>Opens (creating when missing) a journal for appending, after cutting off a torn last line.</summary>
    /// <param name="fence">The claim every write must still hold; null for a journal no lock protects (tests, tools).</param>
    public static RunJournal Open(string path, JournalDurability durability = JournalDurability.PowerLoss, IJournalFence? fence = null)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var journal = new RunJournal(path, stream, durability, fence);
        try
        {
            journal.Fenced(journal.RepairTornTail);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        return journal;
    }

    public void Append(JournalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.Serialize(record, JournalJson.Options) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Fenced(() =>
            {
                // Always at the end: under a fence another process may have appended since our last write.
                _stream.Seek(0, SeekOrigin.End);
                _stream.Write(bytes);
                _stream.Flush(flushToDisk: _fsyncEachRecord);
            });
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

    private void Fenced(Action write)
    {
        if (_fence is null)
        {
            write();
        }
        else
        {
            _fence.Guard(write);
        }
    }

    /// <summary>
    /// A crash mid-write can leave a last line without its newline. It was never acknowledged, so it is cut off
    /// (not just ended with a newline, which would leave its bytes as a damaged line inside the journal).
    /// </summary>
    private void RepairTornTail()
    {
        var length = _stream.Length;
        var keep = 0L;
        var block = new byte[TailBlock];
        for (var end = length; end > 0;)
        {
            var start = Math.Max(0, end - TailBlock);
            var count = (int)(end - start);
            _stream.Position = start;
            _stream.ReadExactly(block, 0, count);
            var newline = Array.LastIndexOf(block, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                keep = start + newline + 1;
                break;
            }

            end = start;
        }

        if (keep < length)
        {
            _stream.SetLength(keep);
            _stream.Flush(flushToDisk: true);
            TornTailBytesDropped = length - keep;
        }

        // No seek to the end here: every append seeks there itself (another writer may have appended since).
    }
}
