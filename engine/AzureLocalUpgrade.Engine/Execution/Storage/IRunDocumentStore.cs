namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// The documents of each run besides its journal, by relative name: <c>run.json</c> (the manifest), the pinned files
/// (<c>pinned/...</c>) and the reports (<c>report.md</c>, <c>report.junit.xml</c>). A document is replaced whole;
/// a reader never sees half of one.
/// </summary>
public interface IRunDocumentStore
{
    /// <summary>Makes room for a new run's documents.</summary>
    /// <exception cref="IOException">The run already exists.</exception>
    void Create(string runId);

    /// <summary>Removes everything of a run that never started (its pinning failed).</summary>
    void Delete(string runId);

    void Write(string runId, string name, byte[] content);

    /// <summary>The document's bytes, or null when the run has no document of that name.</summary>
    byte[]? Read(string runId, string name);
}
