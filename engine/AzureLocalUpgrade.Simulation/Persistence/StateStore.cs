using System.Text;

namespace AzureLocalUpgrade.Simulation.Persistence;

/// <summary>
/// simulation.json for one cluster. Writes go to a temp file renamed over the old one (a killed process never
/// leaves half a file), and every read-change-write holds an exclusive lock file, so two processes (or two
/// SimulatedCluster instances) never clobber each other's changes.
/// </summary>
internal sealed class StateStore
{
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    private readonly string _lockPath;
    private (long Length, DateTime Written)? _lastSeen;

    public StateStore(string folder)
    {
        Folder = folder;
        FilePath = Path.Combine(folder, "simulation.json");
        _lockPath = Path.Combine(folder, "simulation.lock");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public bool Exists => File.Exists(FilePath);

    /// <summary>True when the file changed since this store last read or wrote it (another process wrote it).</summary>
    public bool ChangedSinceLastSeen() => Stamp() != _lastSeen;

    public string Read()
    {
        var text = File.ReadAllText(FilePath, Encoding.UTF8);
        _lastSeen = Stamp();
        return text;
    }

    public void Write(string json)
    {
        Directory.CreateDirectory(Folder);
        var temp = FilePath + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, json, new UTF8Encoding(false));
        File.Move(temp, FilePath, overwrite: true);
        _lastSeen = Stamp();
    }

    /// <summary>Holds the cross-process lock until disposed. Retries while another holder has it.</summary>
    public IDisposable Lock()
    {
        Directory.CreateDirectory(Folder);
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock that other processes and other handles in this process respect.
                return new FileStream(_lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(LockRetry);
            }
        }
    }

    private (long, DateTime)? Stamp()
    {
        var info = new FileInfo(FilePath);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
    }
}
