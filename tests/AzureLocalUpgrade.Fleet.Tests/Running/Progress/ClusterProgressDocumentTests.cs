using AzureLocalUpgrade.Fleet.Running.Progress;
using AzureLocalUpgrade.Fleet.Status;

namespace AzureLocalUpgrade.Fleet.Tests.Running.Progress;

/// <summary>How a cluster's progress is kept in the fleet tables' text column, and read back whatever it holds.</summary>
public sealed class ClusterProgressDocumentTests
{
    [Fact]
    public void A_progress_document_reads_back_equal()
    {
        var progress = new ClusterProgress([new NodeProgress("n1", "draining", 3, 12, "rolling[n1]/drain", "20349.3692")], 10, 40, new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero), true);

        var read = ClusterProgress.Parse(progress.ToJson());

        read.Nodes.Should().Equal(progress.Nodes);
        read.Should().BeEquivalentTo(progress);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("[]", 0)]
    [InlineData("[{\"node\":\"n1\",\"state\":\"done\",\"stepsDone\":12,\"stepsTotal\":12}]", 1)]
    [InlineData("{ torn", 0)]
    [InlineData("[1, 2", 0)]
    public void Older_node_lists_are_read_and_damaged_text_reads_as_no_progress(string? json, int nodes)
    {
        var read = ClusterProgress.Parse(json);

        read.Nodes.Should().HaveCount(nodes);
        read.Eta.Should().BeNull();
    }
}
