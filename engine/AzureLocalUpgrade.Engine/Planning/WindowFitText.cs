using System.Globalization;
using System.Text;
using AzureLocalUpgrade.Engine.Scheduling;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// The text of <c>alu plan --window</c>: the disruptive work grouped by the dated opening it falls in (UTC, the zone
/// the executor decides in), then what never fits and how many openings the run needs.
/// </summary>
public static class WindowFitText
{
    public static string Render(WindowForecast forecast, MaintenanceWindow window, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return Render(forecast.Rows, window, start) + $"The whole run is forecast to end {Stamp(forecast.End)}.\n";
    }

    public static string Render(IReadOnlyList<WindowFitRow> rows, MaintenanceWindow window, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(window);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\nMaintenance window: {window.Description}, planned from {Stamp(start)}\n");
        if (rows.Count == 0)
        {
            text.Append("  No disruptive work: the window does not constrain this runbook.\n");
            return text.ToString();
        }

        var width = rows.Max(r => r.GroupId.Length);
        foreach (var opening in rows.Where(r => r.Fits).GroupBy(r => r.OpeningNumber))
        {
            var o = opening.First().Opening!.Value;
            text.Append(CultureInfo.InvariantCulture, $"  Opening {opening.Key}: {Stamp(o.Start)} -> {Stamp(o.End)}\n");
            foreach (var row in opening)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {row.GroupId.PadRight(width)}  {Stamp(row.Start)} -> {Stamp(row.End)}  {Kind(row.Kind)}\n");
            }
        }

        var never = rows.Where(r => !r.Fits).ToList();
        if (never.Count > 0)
        {
            text.Append("  Never fits (the estimate is longer than any opening, or no opening is left):\n");
            never.ForEach(r => text.Append(CultureInfo.InvariantCulture, $"    {r.GroupId.PadRight(width)}  needs {WindowDecision.Format(r.End - r.Start)}\n"));
        }

        var openings = rows.Where(r => r.Fits).Select(r => r.OpeningNumber).Distinct().Count();
        var last = rows.Where(r => r.Fits).Select(r => r.End).DefaultIfEmpty(start).Max();
        text.Append(CultureInfo.InvariantCulture,
            $"{rows.Count(r => r.Fits)} of {rows.Count} piece(s) of disruptive work fit, in {openings} opening(s); the last ends {Stamp(last)}. ");
        text.Append("The run pauses (exit 3) before work that does not fit what is left of an opening; a firing in a later opening continues it.\n");
        return text.ToString();
    }

    private static string Stamp(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("ddd yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Kind(WindowUnitKind kind) => kind switch
    {
        WindowUnitKind.NodeGroup => "node group",
        WindowUnitKind.Group => "disruptive group",
        _ => "disruptive step",
    };
}
