using AzureLocalUpgrade.Engine.Execution.Runs;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Execution.Storage;

/// <summary>
/// Documents as files of the run folder, <c>&lt;stateDir&gt;/runs/&lt;runId&gt;/&lt;name&gt;</c>. Each is written beside its
/// final name and moved over it, so a reader never sees half a document.
/// </summary>
public sealed class FileRunDocumentStore(string stateDirectory) : IRunDocumentStore
{
    public void Create(string runId) => RunFolder.Create(stateDirectory, runId);

    public void Delete(string runId)
    {
        var folder = RunFolder.At(stateDirectory, runId).Path;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Write(string runId, string name, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(runId, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    public byte[]? Read(string runId, string name)
    {
        var path = PathOf(runId, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The file of a document; names read back from a tampered run.json cannot leave the run folder.</summary>
    public string PathOf(string runId, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // Names are relative to the run; a rooted one is a mistake even where joining it would stay inside.
        return Path.IsPathRooted(name)
            ? throw new ArgumentException($"'{name}' is not a document name inside a run (a relative path).", nameof(name))
            : StatePaths.Under(RunFolder.At(stateDirectory, runId).Path, name);
    }
}
