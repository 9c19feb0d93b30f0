using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>
/// <c>&lt;stateDir&gt;/runs/&lt;runId&gt;/</c>: <c>journal.jsonl</c>, <c>run.json</c> and <c>pinned/</c> (a copy of every
/// runbook and fragment file the graph was compiled from, the inventory, and the parameters without secrets), so
/// editing a runbook never changes a run in flight. On resume the CLI recompiles <see cref="PinnedRunbookPath"/>.
/// </summary>
public sealed class RunFolder
{
    private readonly string _stateDirectory;

    private RunFolder(string stateDirectory, string runId)
    {
        if (Runs.RunId.Problem(runId) is { } problem)
        {
            throw new ArgumentException($"'{Text.EchoText.Short(runId)}' is not a run id: {problem}.", nameof(runId));
        }

        _stateDirectory = stateDirectory;
        RunId = runId;
        Path = StatePaths.Under(stateDirectory, "runs", runId);
    }

    public string RunId { get; }

    public string Path { get; }

    public string JournalPath => System.IO.Path.Combine(Path, "journal.jsonl");

    public string ManifestPath => System.IO.Path.Combine(Path, "run.json");

    public string PinnedDirectory => System.IO.Path.Combine(Path, "pinned");

    // run.json names its pinned files relative to the run folder; a tampered one must not point anywhere else.
    public string PinnedRunbookPath => StatePaths.Under(Path, ReadManifest().PinnedRunbook);

    public string? PinnedInventoryPath => ReadManifest().PinnedInventory is { } inventory ? StatePaths.Under(Path, inventory) : null;

    public string PinnedParametersPath => StatePaths.Under(Path, ReadManifest().PinnedParameters);

    public static RunFolder Create(string stateDirectory, string runId)
    {
        var folder = new RunFolder(stateDirectory, runId);
        if (Directory.Exists(folder.Path))
        {
            throw new IOException($"Run folder {folder.Path} already exists.");
        }

        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>The folder of <paramref name="runId"/>, whether or not it exists yet.</summary>
    public static RunFolder At(string stateDirectory, string runId) => new(stateDirectory, runId);

    public static RunFolder Open(string stateDirectory, string runId)
    {
        var folder = new RunFolder(stateDirectory, runId);
        return File.Exists(folder.JournalPath)
            ? folder
            : throw new DirectoryNotFoundException($"No run {runId} in {System.IO.Path.Combine(stateDirectory, "runs")} (no journal.jsonl).");
    }

    /// <summary>Run ids in the state folder, oldest first (ids sort by start time).</summary>
    public static IReadOnlyList<string> List(string stateDirectory)
    {
        var runs = System.IO.Path.Combine(stateDirectory, "runs");
        return Directory.Exists(runs)
            ? Directory.GetDirectories(runs).Select(System.IO.Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>
    /// Copies the graph's sources into <c>pinned/</c>, keeping their relative layout (fragments imported with
    /// <c>../</c> still resolve), and refuses when a file changed since it was compiled (<see cref="RunPinning"/>).
    /// </summary>
    /// <param name="runbookPath">The runbook file the graph was compiled from; <see cref="StepGraph.SourceHashes"/> keys are relative to its folder.</param>
    public RunManifest Pin(StepGraph graph, string runbookPath, DateTimeOffset createdAt, string? planHash = null) =>
        RunPinning.Pin(new FileRunDocumentStore(_stateDirectory), RunId, graph, runbookPath, createdAt, planHash);

    /// <exception cref="RunFileException">run.json is missing, not a regular file, too large or not valid JSON.</exception>
    public RunManifest ReadManifest() =>
        RunFiles.Deserialize<RunManifest>(ManifestPath) ?? throw new RunFileException(ManifestPath, "it is empty (null)");
}
