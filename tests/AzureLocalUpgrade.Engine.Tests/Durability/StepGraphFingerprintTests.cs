using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Tests.Execution;

namespace AzureLocalUpgrade.Engine.Tests.Durability;

/// <summary>A resume against an edited runbook must be refused: the fingerprint covers sources, steps and identity.</summary>
public sealed class StepGraphFingerprintTests
{
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal) { ["upgrade.yaml"] = "aaa", ["../fragments/x.yaml"] = "bbb" };

    [Fact]
    public void The_same_graph_has_the_same_fingerprint() =>
        StepGraphFingerprint.Of(Graph()).Should().Be(StepGraphFingerprint.Of(Graph())).And.HaveLength(64);

    [Fact]
    public void An_edited_source_file_changes_the_fingerprint() =>
        StepGraphFingerprint.Of(Graph() with { SourceHashes = new Dictionary<string, string>(Sources) { ["upgrade.yaml"] = "ccc" } })
            .Should().NotBe(StepGraphFingerprint.Of(Graph()));

    [Fact]
    public void An_added_source_file_changes_the_fingerprint() =>
        StepGraphFingerprint.Of(Graph() with { SourceHashes = new Dictionary<string, string>(Sources) { ["more.yaml"] = "ddd" } })
            .Should().NotBe(StepGraphFingerprint.Of(Graph()));

    [Fact]
    public void The_same_files_pinned_under_other_paths_keep_the_fingerprint() =>
        StepGraphFingerprint.Of(Graph() with { SourceHashes = new Dictionary<string, string> { ["pinned/a.yaml"] = "bbb", ["pinned/b.yaml"] = "aaa" } })
            .Should().Be(StepGraphFingerprint.Of(Graph()));

    [Fact]
    public void Another_step_list_changes_the_fingerprint() =>
        StepGraphFingerprint.Of(new TestGraph().PowerShell("a").PowerShell("c").Build() with { SourceHashes = Sources })
            .Should().NotBe(StepGraphFingerprint.Of(Graph()));

    [Fact]
    public void Another_step_kind_changes_the_fingerprint() =>
        StepGraphFingerprint.Of(new TestGraph().PowerShell("a").Check("b").Build() with { SourceHashes = Sources })
            .Should().NotBe(StepGraphFingerprint.Of(Graph()));

    [Fact]
    public void Another_version_or_cluster_changes_the_fingerprint()
    {
        var graph = Graph();
        StepGraphFingerprint.Of(graph with { RunbookVersion = graph.RunbookVersion + ".1" }).Should().NotBe(StepGraphFingerprint.Of(graph));
        StepGraphFingerprint.Of(graph with { RunbookName = graph.RunbookName + "-x" }).Should().NotBe(StepGraphFingerprint.Of(graph));
        StepGraphFingerprint.Of(new TestGraph(cluster: "hci02").PowerShell("a").PowerShell("b").Build() with { SourceHashes = Sources })
            .Should().NotBe(StepGraphFingerprint.Of(graph));
    }

    [Fact]
    public void A_graphs_fingerprint_is_the_same_in_every_alu_version_so_a_journal_resumes_after_an_upgrade() =>
        StepGraphFingerprint.Of(Graph()).Should().Be("8977ebbfbbc10bc6d00e8b9b91bde839b735a2d269881c9e5b8fa6e86fa02fb1");

    private static AzureLocalUpgrade.Engine.Graph.StepGraph Graph() =>
        new TestGraph().PowerShell("a").PowerShell("b").Build() with { SourceHashes = Sources };
}
