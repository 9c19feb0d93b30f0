using AzureLocalUpgrade.Engine.Model;
using AzureLocalUpgrade.Engine.Planning;
using AzureLocalUpgrade.Engine.Scheduling;
using AzureLocalUpgrade.Engine.Tests.Execution;

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

        WindowFit.RenderText(rows, window, MondayMorning).Should().Contain("2 of 3 node group(s) fit in the first opening");
    }

    private static Graph.StepGraph Rolling(int nodes, TimeSpan perNode) =>
        new TestGraph(nodes).ForEach("upd", new Strategy(StrategyMode.Rolling, null, 0), disruptive: true, [new("drain"), new("update")], instanceEstimate: perNode).Build();

    private static MaintenanceWindow Window(string text)
    {
        MaintenanceWindowParser.TryParse(text, "UTC", out var window, out var error).Should().BeTrue(error);
        return window!;
    }
}
