using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Compilation;

namespace AzureLocalUpgrade.Cli.Tests;

/// <summary>The remembered text of a clean plan is printed only while every file it was built from is unchanged.</summary>
public sealed class RememberedPlanTests : IDisposable
{
    private const string Text = "plan text\nsecond line\n";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "alu-remembered-plan-" + Guid.NewGuid().ToString("N"));

    public RememberedPlanTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "fragments"));
        File.WriteAllText(Runbook, "runbook");
        File.WriteAllText(Fragment, "fragment");
        File.WriteAllText(Cluster, "cluster");
        File.WriteAllText(Params, "params");
    }

    private string Runbook => Path.Combine(_folder, "runbook.yaml");

    private string Fragment => Path.Combine(_folder, "fragments", "f.yaml");

    private string Cluster => Path.Combine(_folder, "cluster.yaml");

    private string Params => Path.Combine(_folder, "params.yaml");

    private PlanOutputCache Cache => new(Path.Combine(_folder, "cache"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TryGet_ShouldReturnTheText_WhenNoFileChanged()
    {
        Remember();

        Request().TryGet().Should().Be(Text);
    }

    [Theory]
    [InlineData("runbook.yaml")]
    [InlineData("fragments/f.yaml")]
    [InlineData("cluster.yaml")]
    [InlineData("params.yaml")]
    public void TryGet_ShouldMiss_WhenAnInputFileChanged(string file)
    {
        Remember();
        File.AppendAllText(Path.Combine(_folder, file), " changed");

        Request().TryGet().Should().BeNull();
    }

    [Fact]
    public void TryGet_ShouldMiss_WhenAnInputFileIsGone()
    {
        Remember();
        File.Delete(Fragment);

        Request().TryGet().Should().BeNull();
    }

    [Theory]
    [InlineData("json", "wuConnected=false")]
    [InlineData("text", "wuConnected=true")]
    public void TryGet_ShouldMiss_ForAnotherFormatOrOtherValues(string format, string set)
    {
        Remember();

        Request(format, set).TryGet().Should().BeNull();
    }

    [Fact]
    public void For_ShouldBeNull_WithoutACacheOrWhenTheOutputIsNotPureText()
    {
        RememberedPlan.For(null, _folder, "text", Runbook, Cluster, null, [], hasOutFile: false, hasWindow: false).Should().BeNull();
        RememberedPlan.For(Cache, _folder, "text", Runbook, Cluster, null, [], hasOutFile: true, hasWindow: false).Should().BeNull();
        RememberedPlan.For(Cache, _folder, "text", Runbook, Cluster, null, [], hasOutFile: false, hasWindow: true).Should().BeNull();
    }

    [Fact]
    public void Remember_ShouldKeepNothing_WhenTheHashesDoNotNameTheRunbookAndInventory()
    {
        Request().Remember(new Dictionary<string, string> { ["fragments/f.yaml"] = HashOf(Fragment) }, Text);

        Request().TryGet().Should().BeNull();
    }

    [Fact]
    public void TryGet_ShouldMiss_WhenTheEntryIsDamaged()
    {
        Remember();
        var entry = Directory.GetFiles(Path.Combine(_folder, "cache")).Single();
        File.WriteAllText(entry, "alu-plan-output 1\ndep 0123\ntext\nforged");

        Request().TryGet().Should().BeNull();
    }

    [Fact]
    public void WriteOut_ToAnyWriter_ShouldWriteTheDecodedText()
    {
        using var output = new StringWriter();
        var console = new CliConsole(output, TextWriter.Null, _folder);

        console.WriteOut(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("plan – ü\n")));

        output.ToString().Should().Be("plan – ü\n");
    }

    private RememberedPlan Request(string format = "text", string set = "wuConnected=false") =>
        RememberedPlan.For(Cache, _folder, format, Runbook, Cluster, Params, [set], hasOutFile: false, hasWindow: false)!;

    private void Remember() => Request().Remember(
        new Dictionary<string, string>
        {
            ["runbook.yaml"] = HashOf(Runbook),
            ["fragments/f.yaml"] = HashOf(Fragment),
            [SourceHasher.InventoryKey] = HashOf(Cluster),
        },
        Text);

    private static string HashOf(string path) => SourceHasher.HashBytes(File.ReadAllBytes(path));
}
