using System.Text;
using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary><c>run.json</c> as a document of any run store: written indented, read through the bounded JSON reader.</summary>
public static class RunManifests
{
    public const string Name = "run.json";

    public static void Write(IRunDocumentStore documents, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(manifest);
        documents.Write(manifest.RunId, Name, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, JournalJson.Indented)));
    }

    /// <param name="source">Names the document in messages (its file, or the store and run).</param>
    /// <exception cref="RunFileException">run.json is missing, too large or not valid JSON.</exception>
    public static RunManifest Read(IRunDocumentStore documents, string runId, string source)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var bytes = documents.Read(runId, Name) ?? throw new RunFileException(source, "it is missing", missing: true);
        return RunFiles.Deserialize<RunManifest>(bytes, source) ?? throw new RunFileException(source, "it is empty (null)");
    }
}
