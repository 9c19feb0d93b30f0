using AzureLocalUpgrade.Engine.Diagnostics;
using System.CommandLine;
using AzureLocalUpgrade.Cli.Commands;

namespace AzureLocalUpgrade.Cli;

/// <summary>
/// Builds the `alu` command tree and runs it inside one exception boundary: bad input is reported as diagnostics
/// (exit 2); an unexpected failure prints one line (the stack trace only with --verbose) and exits 1.
/// </summary>
public static class CliApplication
{
    /// <summary>Shown by every command's --help; also read by commands that print more on failure.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Show internal details (stack traces) on unexpected failures.", Recursive = true };

    /// <summary>The name of every command of alu, in help order. Add new commands here and in <see cref="Create"/>.</summary>
    internal static readonly string[] CommandNames = ["validate", "plan", "show", "runbooks", "schema", "select", "run", "resume", "status", "report", "sim", "fleet"];

    public static RootCommand CreateRootCommand(CliConsole console) => CreateRootCommand(console, CommandNames);

    /// <summary>
    /// The tree needed to parse <paramref name="args"/>: only the named command when the first argument names one
    /// (building every command's options costs milliseconds at each start), else every command, so root help, root
    /// options and mistyped names behave as with the full tree.
    /// </summary>
    public static RootCommand CreateRootCommandFor(CliConsole console, string[] args) =>
        CreateRootCommand(console, args.Length > 0 && Array.IndexOf(CommandNames, args[0]) >= 0 ? [args[0]] : CommandNames);

    internal static Command Create(string name, CliConsole console) => name switch
    {
        "validate" => ValidateCommand.Create(console),
        "plan" => PlanCommand.Create(console),
        "show" => ShowCommand.Create(console),
        "runbooks" => RunbooksCommand.Create(console),
        "schema" => SchemaCommand.Create(console),
        "select" => SelectCommand.Create(),
        "run" => RunCommand.Create(console),
        "resume" => ResumeCommand.Create(console),
        "status" => StatusCommand.Create(console),
        "report" => ReportCommand.Create(console),
        "sim" => SimCommand.Create(console),
        "fleet" => Commands.Fleet.FleetCommand.Create(console),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a command of alu"),
    };

    private static RootCommand CreateRootCommand(CliConsole console, string[] names)
    {
        var root = new RootCommand("alu: Azure Local OS upgrades as versioned, validated, planned runbooks.") { Verbose };
        foreach (var name in names)
        {
            root.Subcommands.Add(Create(name, console));
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var parse = CreateRootCommandFor(console, args).Parse(args);
        PhaseTimings.Mark("command line");
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"alu: error: {error.Message}");
            }

            console.Error.WriteLine("Run 'alu --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            // ProcessTerminationTimeout = null: alu handles SIGTERM/SIGINT/SIGHUP itself (CancellationSignals). Left on,
            // System.CommandLine also catches them and ends the process 2 s later with 130/143, whatever the run has
            // journalled, which is how a cancelled run's exit code came to disagree with its journal.
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The boundary exists to catch everything: no stack trace reaches the user by accident.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (Output.KnownFailures.Describe(ex) is { } known)
            {
                new Output.DiagnosticRenderer(console).Render([known], Output.OutputFormat.Text);
                return ExitCodes.InvalidInput;
            }

            if (ex is UnauthorizedAccessException denied)
            {
                // A permission problem is the environment's, not alu's: say which path, never "internal error".
                console.Error.WriteLine($"alu: error: {denied.Message}");
                console.Error.WriteLine("  hint: give this user access to that path, or point alu elsewhere (--state-dir DIR for its state).");
                return ExitCodes.Failed;
            }

            console.Error.WriteLine($"alu: internal error: {ex.Message}");
            console.Error.WriteLine(parse.GetValue(Verbose) ? ex.ToString() : "Run again with --verbose for details.");
            return ExitCodes.Failed;
        }
    }
}
