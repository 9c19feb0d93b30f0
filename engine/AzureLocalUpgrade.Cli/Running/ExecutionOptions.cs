using System.CommandLine;
using AzureLocalUpgrade.Cli.Events;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>The options <c>alu run</c> and <c>alu resume</c> share, declared once so both read them the same way.</summary>
public sealed class ExecutionOptions
{
    public Option<string?> StateDir { get; } = new("--state-dir", "-s") { Description = $"Where runs, locks and simulated clusters are kept (default: ${StateDirectoryLocator.EnvironmentVariable}, else the user's local state directory)." };

    public Option<string[]> Approve { get; } = new("--approve") { Description = "Approve a manual gate ahead of time (repeatable; gate ids as alu plan shows them; '*' approves every gate)." };

    public Option<string?> Approvals { get; } = new("--approvals") { Description = "An approval file bound to the saved plan's hash (see docs/unattended.md)." };

    public Option<string?> Window { get; } = new("--window") { Description = "Maintenance window, e.g. \"Sat 22:00-Sun 06:00\" (weekly) or 2026-11-28T22:00/2026-11-29T06:00." };

    public Option<string?> TimeZone { get; } = new("--time-zone") { Description = "IANA or Windows time zone of a weekly --window (default UTC)." };

    public Option<string?> Scenario { get; } = new("--scenario") { Description = "Simulated clusters only: a fault scenario file (samples/scenarios/)." };

    public Option<string[]> Set { get; } = new("--set") { Description = "A parameter value, name=value (repeatable); on resume only secrets are read again." };

    public Option<string> LogFormat { get; } = LogFormatOption();

    public IEnumerable<Option> All => [StateDir, Approve, Approvals, Window, TimeZone, Scenario, Set, LogFormat];

    public ExecutionInput Read(ParseResult parse) => new(
        parse.GetValue(StateDir),
        parse.GetValue(Approve) ?? [],
        parse.GetValue(Approvals),
        parse.GetValue(Window),
        parse.GetValue(TimeZone),
        parse.GetValue(Scenario),
        parse.GetValue(Set) ?? [],
        EventSinkFactory.ParseLogFormat(parse.GetValue(LogFormat)) ?? Events.LogFormat.Text);

    private static Option<string> LogFormatOption()
    {
        var option = new Option<string>("--log-format") { Description = "Progress output: text (live on a terminal, plain lines otherwise) or json (one event per line).", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }
}

/// <summary>The values of <see cref="ExecutionOptions"/> for one invocation.</summary>
public sealed record ExecutionInput(
    string? StateDir,
    IReadOnlyList<string> Approve,
    string? ApprovalsFile,
    string? Window,
    string? TimeZone,
    string? ScenarioFile,
    IReadOnlyList<string> Set,
    LogFormat LogFormat);
