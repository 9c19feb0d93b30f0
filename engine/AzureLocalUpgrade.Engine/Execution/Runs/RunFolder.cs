using System.Security.Cryptography;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
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
    private RunFolder(string stateDirectory, string runId)
    {
        if (Runs.RunId.Problem(runId) is { } problem)
        {
            throw new ArgumentException($"'{Text.EchoText.Short(runId)}' is not a run id: {problem}.", nameof(runId));
        }

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
    /// <c>../</c> still resolve), and refuses when a file changed since it was compiled.
    /// </summary>
    /// <param name="runbookPath">The runbook file the graph was compiled from; <see cref="StepGraph.SourceHashes"/> keys are relative to its folder.</param>
    public RunManifest Pin(StepGraph graph, string runbookPath, DateTimeOffset createdAt, string? planHash = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var runbookFull = System.IO.Path.GetFullPath(runbookPath);
        var baseDirectory = System.IO.Path.GetDirectoryName(runbookFull)!;
        var inventoryFull = string.IsNullOrEmpty(graph.Cluster.FilePath) ? null : System.IO.Path.GetFullPath(graph.Cluster.FilePath);

        var sources = new Dictionary<string, string?>(StringComparer.Ordinal) { [runbookFull] = null };
        foreach (var (key, hash) in graph.SourceHashes)
        {
            if (key == Compilation.SourceHasher.InventoryKey)
            {
                continue; // the inventory is pinned below, under its own name
            }

            var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, key));
            if (File.Exists(full))
            {
                sources[full] = hash;
            }
            else if (full != inventoryFull)
            {
                throw new FileNotFoundException($"Cannot pin {key}: {full} does not exist any more.", full);
            }
        }

        // Runbooks keep their layout under pinned/runbooks relative to their common root.
        var runbookFiles = sources.Keys.Where(f => f != inventoryFull).ToList();
        var root = CommonRoot(runbookFiles);
        foreach (var file in runbookFiles)
        {
            var destination = System.IO.Path.Combine(PinnedDirectory, "runbooks", System.IO.Path.GetRelativePath(root, file));
            CopyVerified(file, destination, sources[file]);
        }

        string? pinnedInventory = null;
        if (inventoryFull is not null && File.Exists(inventoryFull))
        {
            pinnedInventory = System.IO.Path.Combine("pinned", "inventory", System.IO.Path.GetFileName(inventoryFull));
            CopyVerified(inventoryFull, System.IO.Path.Combine(Path, pinnedInventory), null);
        }

        var parametersFile = System.IO.Path.Combine("pinned", "parameters.json");
        File.WriteAllText(System.IO.Path.Combine(Path, parametersFile), Parameters.PinnedParameterValues.Serialize(graph.Parameters));

        var manifest = new RunManifest(
            RunManifest.CurrentFormatVersion,
            RunId,
            graph.Cluster.Name,
            graph.RunbookName,
            graph.RunbookVersion,
            runbookFull,
            System.IO.Path.Combine("pinned", "runbooks", System.IO.Path.GetRelativePath(root, runbookFull)),
            pinnedInventory,
            parametersFile,
            StepGraphFingerprint.Of(graph),
            graph.SourceHashes,
            graph.Parameters.Where(p => p.Value is SecretValue).Select(p => p.Key).Order(StringComparer.Ordinal).ToList(),
            createdAt,
            planHash);
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, JournalJson.Indented));
        return manifest;
    }

    /// <exception cref="RunFileException">run.json is missing, not a regular file, too large or not valid JSON.</exception>
    public RunManifest ReadManifest() =>
        RunFiles.Deserialize<RunManifest>(ManifestPath) ?? throw new RunFileException(ManifestPath, "it is empty (null)");

    private static void CopyVerified(string source, string destination, string? expectedHash)
    {
        var read = InputFile.Read(source, InputLimits.YamlDocument);
        var content = read.Bytes ?? throw new RunbookChangedException($"{read.Describe()}; compile and start the run again.");
        if (expectedHash is not null && NormaliseHash(expectedHash) is { } expected
            && !string.Equals(expected, Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.Ordinal))
        {
            throw new RunbookChangedException($"{source} changed after the runbook was compiled; compile and start the run again.");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
        File.WriteAllBytes(destination, content);
    }

    /// <summary>Hex SHA-256, with or without a "sha256:" prefix; anything else is not checked.</summary>
    private static string? NormaliseHash(string hash)
    {
        var text = hash.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? hash[7..] : hash;
        return text.Length == 64 && text.All(char.IsAsciiHexDigit) ? text.ToLowerInvariant() : null;
    }

    private static string CommonRoot(IReadOnlyList<string> files)
    {
        var root = System.IO.Path.GetDirectoryName(files[0])!;
        foreach (var file in files.Skip(1))
        {
            while (!System.IO.Path.GetDirectoryName(file)!.StartsWith(root, StringComparison.Ordinal)
                   || (System.IO.Path.GetDirectoryName(file)!.Length > root.Length
                       && System.IO.Path.GetDirectoryName(file)![root.Length] != System.IO.Path.DirectorySeparatorChar
                       && !root.EndsWith(System.IO.Path.DirectorySeparatorChar)))
            {
                root = System.IO.Path.GetDirectoryName(root) ?? root;
            }
        }

        return root;
    }
}
