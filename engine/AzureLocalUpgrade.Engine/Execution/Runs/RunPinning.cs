using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Storage;
using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>
/// Pins what a run executes into its documents (<see cref="IRunDocumentStore"/>): a copy of every runbook and
/// fragment file the graph was compiled from, the inventory, the parameters without secrets, and <c>run.json</c>.
/// Editing a runbook never changes a run in flight.
/// </summary>
public static class RunPinning
{
    /// <summary>
    /// Copies the graph's sources into <c>pinned/</c>, keeping their relative layout (fragments imported with
    /// <c>../</c> still resolve), and refuses when a file changed since it was compiled.
    /// </summary>
    /// <param name="runbookPath">The runbook file the graph was compiled from; <see cref="StepGraph.SourceHashes"/> keys are relative to its folder.</param>
    public static RunManifest Pin(IRunDocumentStore documents, string runId, StepGraph graph, string runbookPath, DateTimeOffset createdAt, string? planHash = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
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
            var destination = System.IO.Path.Combine("pinned", "runbooks", System.IO.Path.GetRelativePath(root, file));
            documents.Write(runId, destination, ReadVerified(file, sources[file]));
        }

        string? pinnedInventory = null;
        if (inventoryFull is not null && File.Exists(inventoryFull))
        {
            pinnedInventory = System.IO.Path.Combine("pinned", "inventory", System.IO.Path.GetFileName(inventoryFull));
            documents.Write(runId, pinnedInventory, ReadVerified(inventoryFull, null));
        }

        var parametersFile = System.IO.Path.Combine("pinned", "parameters.json");
        documents.Write(runId, parametersFile, Encoding.UTF8.GetBytes(Parameters.PinnedParameterValues.Serialize(graph.Parameters)));

        var manifest = new RunManifest(
            RunManifest.CurrentFormatVersion,
            runId,
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
        RunManifests.Write(documents, manifest);
        return manifest;
    }

    private static byte[] ReadVerified(string source, string? expectedHash)
    {
        var read = InputFile.Read(source, InputLimits.YamlDocument);
        var content = read.Bytes ?? throw new RunbookChangedException($"{read.Describe()}; compile and start the run again.");
        if (expectedHash is not null && NormaliseHash(expectedHash) is { } expected
            && !string.Equals(expected, Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.Ordinal))
        {
            throw new RunbookChangedException($"{source} changed after the runbook was compiled; compile and start the run again.");
        }

        return content;
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
