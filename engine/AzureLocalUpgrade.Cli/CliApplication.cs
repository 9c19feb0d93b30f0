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

    /// <summary>Every command of alu, one line each. Add new commands here.</summary>
    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        ValidateCommand.Create(console),
        PlanCommand.Create(console),
        RunbooksCommand.Create(console),
        SchemaCommand.Create(console),
        SelectCommand.Create(),
        RunCommand.Create(console),
        ResumeCommand.Create(console),
        StatusCommand.Create(console),
        ReportCommand.Create(console),
        SimCommand.Create(console),
    ];

    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("alu: Azure Local OS upgrades as versioned, validated, planned runbooks.") { Verbose };
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var parse = CreateRootCommand(console).Parse(args);
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
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The boundary exists to catch everything: no stack trace reaches the user by accident.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"alu: internal error: {ex.Message}");
            console.Error.WriteLine(parse.GetValue(Verbose) ? ex.ToString() : "Run again with --verbose for details.");
            return ExitCodes.Failed;
        }
    }
}
