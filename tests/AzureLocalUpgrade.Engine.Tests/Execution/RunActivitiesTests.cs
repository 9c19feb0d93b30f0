using System.Collections.Concurrent;
using System.Diagnostics;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

public sealed class RunActivitiesTests : IDisposable
{
    private const string Secret = "s3cret-span";
    private static readonly ActivitySource TestSource = new("AzureLocalUpgrade.Tests.Spans");

    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;
    private readonly ExecutionFixture _fixture;

    public RunActivitiesTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RunActivities.SourceName or "AzureLocalUpgrade.Tests.Spans",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        _fixture = new ExecutionFixture(new TestGraph().Parameter("token", new SecretValue(Secret)).PowerShell("prepare").PowerShell("update"));
        _fixture.Host.Returns("update", ScriptedStepHost.Fail($"bad token {Secret}"));
    }

    [Fact]
    public async Task A_run_is_one_span_with_a_child_span_per_step()
    {
        var spans = await RunTracedAsync();

        var run = spans.Should().ContainSingle(s => s.OperationName == "alu.run").Subject;
        spans.Where(s => s.OperationName.StartsWith("alu.step ", StringComparison.Ordinal)).Select(s => (s.GetTagItem("alu.step.id"), s.ParentSpanId))
            .Should().BeEquivalentTo(new[] { ((object?)"prepare", run.SpanId), ("update", run.SpanId) });
    }

    [Fact]
    public async Task A_failed_step_and_run_are_error_spans_with_their_status_and_exit_code()
    {
        var spans = await RunTracedAsync();

        var update = spans.Single(s => s.OperationName == "alu.step update");
        (update.Status, update.GetTagItem("alu.status"), update.GetTagItem("alu.step.target")).Should().Be((ActivityStatusCode.Error, "failed", "orchestrator"));
        spans.Single(s => s.OperationName == "alu.run").GetTagItem("alu.exit_code").Should().Be(1);
    }

    [Fact]
    public async Task Spans_carry_no_message_and_no_secret()
    {
        var spans = await RunTracedAsync();

        spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString()).Should().NotContain(v => v != null && v.Contains(Secret, StringComparison.Ordinal));
        spans.Select(s => s.StatusDescription).Should().AllSatisfy(d => d.Should().BeNull());
    }

    public void Dispose()
    {
        _listener.Dispose();
        _fixture.Dispose();
    }

    /// <summary>Runs under a root span of this test, so spans of tests running in parallel are told apart by trace.</summary>
    private async Task<IReadOnlyList<Activity>> RunTracedAsync()
    {
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test-root")!)
        {
            trace = root.TraceId;
            await _fixture.RunAsync(_fixture.Graph.Build());
        }

        return _stopped.Where(s => s.TraceId == trace && s.Source.Name == RunActivities.SourceName).ToList();
    }
}
