using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// <c>alu fleet hash-password &lt; FILE</c>: reads one password from standard input (never an argument: every user of
/// the machine sees arguments) and prints its salted PBKDF2 hash for the dashboard's access file.
/// </summary>
public sealed class FleetHashPasswordCommand(CliConsole console, TextReader input)
{
    /// <summary>Far above any password; reading stops there so a mistaken pipe cannot fill memory.</summary>
    private const int MaxPasswordLength = 4096;

    public static Command Create(CliConsole console)
    {
        var command = new Command("hash-password", "Print the salted hash of a password read from standard input, for the dashboard's access file.");
        command.SetAction(_ => new FleetHashPasswordCommand(console, Console.In).Run());
        return command;
    }

    public int Run()
    {
        var buffer = new char[MaxPasswordLength + 1];
        var length = input.ReadBlock(buffer, 0, buffer.Length);
        var password = new string(buffer, 0, length).TrimEnd('\r', '\n');
        var problem = password.Length == 0 ? "nothing"
            : length > MaxPasswordLength ? $"more than {MaxPasswordLength} characters"
            : password.Contains('\n', StringComparison.Ordinal) ? "more than one line"
            : null;
        if (problem is not null)
        {
            new DiagnosticRenderer(console).Render([DashboardDiagnostics.PasswordInputUnusable(problem)], OutputFormat.Text);
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine(PasswordHashes.Hash(password));
        return ExitCodes.Success;
    }
}
