using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Execution.Storage;

namespace AzureLocalUpgrade.Fleet.Tests.Storage;

/// <summary>The run-store contract against the state folder's files (today's behaviour, unchanged on disk).</summary>
public sealed class FileRunStoreContractTests : RunStoreContractTests
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-store-" + Guid.NewGuid().ToString("N"));

    public FileRunStoreContractTests() => Store = new FileRunStore(_state, JournalDurability.ProcessCrash);

    protected override IRunStore Store { get; }

    public override void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }

        base.Dispose();
    }
}
