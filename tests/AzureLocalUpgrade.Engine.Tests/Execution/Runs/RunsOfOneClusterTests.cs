using AzureLocalUpgrade.Engine.Execution.Runs;

namespace AzureLocalUpgrade.Engine.Tests.Execution.Runs;

/// <summary>
/// Listing one cluster's runs in a store shared by many clusters (a fleet's): only journals whose run id names the
/// cluster are read, and the cluster the journal records still decides.
/// </summary>
public sealed class RunsOfOneClusterTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 11, 23, 2, 15, 0, TimeSpan.Zero);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "alu-runs-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("hci01")]
    [InlineData("EU-Store_001")]
    [InlineData("a.b c")]
    [InlineData("---")]
    public void RunIdMadeForACluster_MayBelongToIt(string cluster) =>
        RunId.MayBelongTo(RunId.New(Time, cluster), cluster).Should().BeTrue();

    [Theory]
    [InlineData("hci01", "hci0")]
    [InlineData("hci01", "hci01-n1")]
    [InlineData("eu-store-001", "eu-store-0011")]
    [InlineData("hci01", "ci01")]
    public void RunIdMadeForAnotherCluster_CannotBelongToThisOne(string owner, string other) =>
        RunId.MayBelongTo(RunId.New(Time, owner), other).Should().BeFalse();

    [Fact]
    public void ListingOneCluster_ShouldGiveItsRuns_WithoutReadingOtherClustersJournals()
    {
        var mine = RunId.New(Time, "hci01");
        var others = RunId.New(Time, "hci02");
        Journal(mine, "hci01");
        Journal(others, "hci02", damaged: true);
        var reader = new RunStatusReader(_state);

        var runs = reader.ListRuns("hci01");

        runs.Select(r => r.RunId).Should().Equal(mine);
        reader.Warnings.Should().BeEmpty("the other cluster's damaged journal was never read");
    }

    [Fact]
    public void ListingOneCluster_ShouldLeaveOutARunOfAClusterWhoseNameSanitisesAlike()
    {
        var id = RunId.New(Time, "hci_01");
        Journal(id, "hci_01");

        new RunStatusReader(_state).ListRuns("hci-01").Should().BeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private void Journal(string runId, string cluster, bool damaged = false)
    {
        var folder = Path.Combine(_state, "runs", runId);
        Directory.CreateDirectory(folder);
        var started = $$$"""{"type":"run-started","runId":"{{{runId}}}","time":"2026-11-23T02:15:00+00:00","run":{"runbookName":"x","runbookVersion":"1","cluster":"{{{cluster}}}","graphFingerprint":"f","sourceHashes":{},"parameters":{},"stepIds":["a"]}}""";
        File.WriteAllLines(Path.Combine(folder, "journal.jsonl"), damaged ? [started, "garbage"] : [started]);
    }
}
