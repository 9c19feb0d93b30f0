namespace AzureLocalUpgrade.Cli.Tests.Harness;

/// <summary>A fresh --state-dir per test, so simulated clusters, runs and locks never leak between tests.</summary>
public sealed class TempStateDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("alu-state-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still be releasing a file; the temp folder is cleaned by the OS later.
        }
    }
}
