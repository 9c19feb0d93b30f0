using AzureLocalUpgrade.Engine.Graph;
using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Tests.Execution;
using AzureLocalUpgrade.Engine.Tests.TestSupport;
using static AzureLocalUpgrade.Engine.Tests.TestSupport.Steps;

namespace AzureLocalUpgrade.Engine.Tests.Planning;

/// <summary><c>alu plan --window</c>: node groups placed on the calendar with the executor's own fit rule.</summary>
public sealed class WindowFitTests
{
    private static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Groups_that_fit_are_placed_back_to_back_in_the_first_opening()
    {
        var rows = WindowFit.Place(Rolling(nodes: 2, perNode: TimeSpan.FromHours(1)), Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => (r.Node, r.Start.Hour, r.InFirstOpening)).Should().Equal(("hci01-n1", 2, true), ("hci01-n2", 3, true));
    }

    [Fact]
    public void A_group_that_no_longer_fits_moves_to_the_next_opening()
    {
        var rows = WindowFit.Place(Rolling(nodes: 3, perNode: TimeSpan.FromHours(1.5)), Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => r.InFirstOpening).Should().Equal(true, true, false);
        rows[2].Start.Should().Be(MondayMorning.AddDays(7));
    }

    [Fact]
    public void A_group_longer_than_any_opening_is_marked_as_never_fitting()
    {
        var rows = WindowFit.Place(Rolling(nodes: 1, perNode: TimeSpan.FromHours(5)), Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Single().Fits.Should().BeFalse();
    }

    [Fact]
    public void The_text_counts_the_groups_in_the_first_opening()
    {
        var window = Window("Mon 02:00-Mon 06:00");
        var rows = WindowFit.Place(Rolling(nodes: 3, perNode: TimeSpan.FromHours(1.5)), window, MondayMorning);

        WindowFitText.Render(rows, window, MondayMorning).Should().Contain("3 of 3 piece(s) of disruptive work fit, in 2 opening(s)");
    }

    [Fact]
    public void Each_opening_is_shown_with_its_dates()
    {
        var window = Window("Mon 02:00-Mon 06:00");
        var rows = WindowFit.Place(Rolling(nodes: 3, perNode: TimeSpan.FromHours(1.5)), window, MondayMorning);

        var text = WindowFitText.Render(rows, window, MondayMorning);

        text.Should().Contain("Opening 1: Mon 2026-11-23 02:00 UTC -> Mon 2026-11-23 06:00 UTC")
            .And.Contain("Opening 2: Mon 2026-11-30 02:00 UTC -> Mon 2026-11-30 06:00 UTC")
            .And.NotContain("next opening");
    }

    [Fact]
    public void A_cau_run_outside_node_groups_is_placed_in_the_opening_it_fits()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, [new("drain")], instanceEstimate: TimeSpan.FromHours(1))
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force", estimate: TimeSpan.FromHours(3)).Build();

        var rows = WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => (r.GroupId, r.Kind, r.OpeningNumber)).Should().Equal(
            ("upd[hci01-n1]", WindowUnitKind.NodeGroup, 1), ("upd[hci01-n2]", WindowUnitKind.NodeGroup, 1), ("cau-run", WindowUnitKind.Step, 2));
    }

    [Fact]
    public void A_cau_run_with_a_per_node_estimate_starts_when_one_node_fits_and_goes_on_node_by_node_in_later_openings()
    {
        // 6 nodes of 1.5 h: 9 h in all, longer than the 4 h opening. CAU stops between nodes at the opening's end, so
        // each opening takes 3 nodes (the third ends at 06:30, past the end); the third opening only finds it done.
        var graph = new TestGraph(nodes: 6).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
            estimate: TimeSpan.FromHours(9), perNode: new PerNodeEstimate(TimeSpan.FromHours(1.5), 6)).Build();

        var rows = WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => (r.OpeningNumber, r.End - r.Start)).Should().Equal((1, TimeSpan.FromHours(4.5)), (2, TimeSpan.FromHours(4.5)), (3, TimeSpan.Zero));
    }

    [Fact]
    public void A_cau_run_that_ends_after_the_opening_continues_in_the_next_opening_where_its_guard_skips_it()
    {
        var graph = new TestGraph(nodes: 3).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
            estimate: TimeSpan.FromHours(4.5), perNode: new PerNodeEstimate(TimeSpan.FromHours(1.5), 3)).Build();

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Select(r => r.OpeningNumber).Should().Equal(1, 2);
        forecast.End.Should().Be(MondayMorning.AddDays(7));
    }

    [Fact]
    public void A_cau_run_with_a_per_node_estimate_is_admitted_with_its_fixed_part_and_one_node()
    {
        var unit = new WindowUnit("cau-run", WindowUnitKind.Step, null, TimeSpan.FromMinutes(5) + TimeSpan.FromHours(4), ["cau-run"], new PerNodeEstimate(TimeSpan.FromHours(1), 4));

        unit.Admission.Should().Be(TimeSpan.FromMinutes(65));
    }

    [Fact]
    public void Recovering_a_failed_cau_run_is_not_disruptive()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("recover", script: "Invoke-CauRun -ClusterName $ClusterName -ForceRecovery -Force").Build();

        WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning).Should().BeEmpty();
    }

    [Fact]
    public void A_forEach_inside_a_disruptive_group_counts_once_within_the_groups_estimate()
    {
        // The offline update's shape: stop the cluster (10 min), update every node at once (1 h), start it (10 min).
        var offline = Group("offline",
            PowerShell("stop").Takes("10m"),
            ForEachNode("update", new Strategy(StrategyMode.Parallel, null, 0), PowerShell("install").Takes("1h")),
            PowerShell("start").Takes("10m"));
        var graph = TestCompiler.Compile(TestRunbooks.Of(offline with { Group = offline.Group! with { Disruptive = true } }), nodes: 4);

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Select(r => (r.GroupId, r.End - r.Start)).Should().Equal(("offline", TimeSpan.FromMinutes(80)));
        forecast.End.Should().Be(MondayMorning.AddMinutes(80));
    }

    [Theory]
    [InlineData(StrategyMode.Rolling, 2, new[] { 2, 2, 3, 3 })]
    [InlineData(StrategyMode.Parallel, 3, new[] { 2, 2, 2, 3 })]
    [InlineData(StrategyMode.Parallel, null, new[] { 2, 2, 2, 2 })]
    public void A_forEach_places_as_many_node_groups_per_round_as_it_runs_at_once(StrategyMode mode, int? maxConcurrent, int[] startHours)
    {
        var graph = new TestGraph(nodes: 4).ForEach("upd", new Strategy(mode, maxConcurrent, 0), disruptive: true, [new("update")], instanceEstimate: TimeSpan.FromHours(1)).Build();

        WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning).Select(r => r.Start.Hour).Should().Equal(startHours);
    }

    [Theory]
    [InlineData(StrategyMode.Rolling, 90)]
    [InlineData(StrategyMode.Parallel, 45)]
    public void Disruptive_work_after_a_forEach_that_takes_nothing_down_starts_when_its_rounds_are_done(StrategyMode mode, int minutesLater)
    {
        var graph = new TestGraph(nodes: 2).ForEach("precheck", new Strategy(mode, null, 0), disruptive: false, [new("probe")], instanceEstimate: TimeSpan.FromMinutes(45))
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force", estimate: TimeSpan.FromHours(1)).Build();

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Select(r => (r.GroupId, r.Start)).Should().Equal(("cau-run", MondayMorning.AddMinutes(minutesLater)));
        forecast.End.Should().Be(MondayMorning.AddMinutes(minutesLater + 60));
    }

    [Fact]
    public void A_parallel_round_of_nodes_of_different_lengths_lasts_as_long_as_its_longest_node()
    {
        var lengths = new Dictionary<string, TimeSpan> { ["hci01-n1"] = TimeSpan.FromMinutes(45), ["hci01-n2"] = TimeSpan.FromMinutes(90) };
        var graph = new TestGraph(nodes: 2).ForEach("precheck", new Strategy(StrategyMode.Parallel, null, 0), disruptive: false, [new("probe")], estimateByNode: lengths)
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force", estimate: TimeSpan.FromHours(1)).Build();

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Select(r => (r.GroupId, r.Start)).Should().Equal(("cau-run", MondayMorning.AddMinutes(90)));
    }

    [Fact]
    public void An_approval_gate_without_an_estimate_takes_no_time_in_an_unattended_window()
    {
        var graph = new TestGraph().Manual("approve")
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force", estimate: TimeSpan.FromHours(1)).Build();

        WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning).Single().Start.Should().Be(MondayMorning);
    }

    [Fact]
    public void A_step_that_takes_nothing_down_delays_the_disruptive_work_after_it_by_its_estimate()
    {
        var graph = new TestGraph().PowerShell("precheck")
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force", estimate: TimeSpan.FromHours(1)).Build();

        WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning).Single().Start.Should().Be(MondayMorning.AddMinutes(1));
    }

    [Fact]
    public void A_forecast_needs_a_graph_and_a_window()
    {
        var graph = Rolling(nodes: 1, perNode: TimeSpan.FromHours(1));

        FluentActions.Invoking(() => WindowFit.Forecast(null!, Window("Mon 02:00-Mon 06:00"), MondayMorning)).Should().Throw<ArgumentNullException>().WithParameterName("graph");
        FluentActions.Invoking(() => WindowFit.Forecast(graph, null!, MondayMorning)).Should().Throw<ArgumentNullException>().WithParameterName("window");
    }

    [Fact]
    public void A_forecast_counts_each_opening_its_work_uses_once_and_none_for_work_that_never_fits()
    {
        var window = Window("Mon 02:00-Mon 06:00");

        WindowFit.Forecast(Rolling(nodes: 3, perNode: TimeSpan.FromHours(1.5)), window, MondayMorning).Openings.Should().Be(2);
        WindowFit.Forecast(Rolling(nodes: 1, perNode: TimeSpan.FromHours(5)), window, MondayMorning).Openings.Should().Be(0);
    }

    [Fact]
    public void A_cau_run_whose_first_node_no_longer_fits_the_opening_starts_in_the_next_and_takes_its_nodes_there()
    {
        var graph = new TestGraph(nodes: 2).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, [new("update")], instanceEstimate: TimeSpan.FromHours(1.5))
            .PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
                estimate: TimeSpan.FromHours(3), perNode: new PerNodeEstimate(TimeSpan.FromHours(1.5), 2)).Build();

        var rows = WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => (r.GroupId, r.OpeningNumber, r.Start, r.End)).Should().Equal(
            ("upd[hci01-n1]", 1, MondayMorning, MondayMorning.AddHours(1.5)),
            ("upd[hci01-n2]", 1, MondayMorning.AddHours(1.5), MondayMorning.AddHours(3)),
            ("cau-run", 2, MondayMorning.AddDays(7), MondayMorning.AddDays(7).AddHours(3)));
    }

    [Fact]
    public void A_cau_run_that_ends_exactly_at_the_end_of_the_opening_still_pauses_the_run_until_the_next_one()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
            estimate: TimeSpan.FromHours(4), perNode: new PerNodeEstimate(TimeSpan.FromHours(2), 2)).Build();

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Select(r => (r.OpeningNumber, r.End - r.Start)).Should().Equal((1, TimeSpan.FromHours(4)), (2, TimeSpan.Zero));
        forecast.End.Should().Be(MondayMorning.AddDays(7));
    }

    [Fact]
    public void A_cau_run_takes_no_further_node_once_a_node_ends_exactly_at_the_end_of_the_opening()
    {
        var graph = new TestGraph(nodes: 3).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
            estimate: TimeSpan.FromHours(6), perNode: new PerNodeEstimate(TimeSpan.FromHours(2), 3)).Build();

        var rows = WindowFit.Place(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        rows.Select(r => (r.OpeningNumber, r.End - r.Start)).Should().Equal((1, TimeSpan.FromHours(4)), (2, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void A_cau_run_whose_fixed_part_and_first_node_fit_no_opening_is_shown_whole_as_never_fitting()
    {
        var graph = new TestGraph(nodes: 2).PowerShell("cau-run", script: "Invoke-CauRun -ClusterName $ClusterName -Force",
            estimate: TimeSpan.FromHours(7), perNode: new PerNodeEstimate(TimeSpan.FromHours(1), 2)).Build();

        var forecast = WindowFit.Forecast(graph, Window("Mon 02:00-Mon 06:00"), MondayMorning);

        forecast.Rows.Should().ContainSingle().Which.Should().Match<WindowFitRow>(r => !r.Fits && r.OpeningNumber == 0 && r.End - r.Start == TimeSpan.FromHours(7));
        forecast.End.Should().Be(MondayMorning.AddHours(7));
    }

    private static Graph.StepGraph Rolling(int nodes, TimeSpan perNode) =>
        new TestGraph(nodes).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, [new("drain"), new("update")], instanceEstimate: perNode).Build();

    private static MaintenanceWindow Window(string text)
    {
        MaintenanceWindowParser.TryParse(text, "UTC", out var window, out var error).Should().BeTrue(error);
        return window!;
    }
}
