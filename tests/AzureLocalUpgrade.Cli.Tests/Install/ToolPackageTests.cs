using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AzureLocalUpgrade.Cli.Tests.Install;

/// <summary>
/// alu is installed the way an operator does it: `dotnet pack`, then `dotnet tool install --add-source`, then
/// `alu runbooks` from an empty folder. The shipped runbooks travel inside the package and are found beside the tool.
/// Slow (a Release pack with ReadyToRun), so it packs only this machine's runtime.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    public void The_installed_tool_lists_the_shipped_runbooks_from_an_empty_folder()
    {
        var work = Directory.CreateTempSubdirectory("alu-tool-");
        try
        {
            var feed = Path.Combine(work.FullName, "nupkg");
            var tools = Path.Combine(work.FullName, "tools");
            var empty = Directory.CreateDirectory(Path.Combine(work.FullName, "empty")).FullName;
            var project = Path.Combine(Harness.AluProcess.RepositoryRoot, "engine", "AzureLocalUpgrade.Cli");
            var environment = new Dictionary<string, string>
            {
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };

            Run("dotnet", project, environment, "pack", "-c", "Release", "-o", feed,
                $"-p:ToolPackageRuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}",
                $"-p:RuntimeIdentifiers={RuntimeInformation.RuntimeIdentifier}")
                .ExitCode.Should().Be(0);
            Run("dotnet", empty, environment, "tool", "install", "--tool-path", tools, "--add-source", feed, "alu")
                .ExitCode.Should().Be(0);

            var listed = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "alu.exe" : "alu"), empty, environment, "runbooks", "--format", "json");

            listed.ExitCode.Should().Be(0, listed.Error);
            listed.Output.Should().Contain("\"name\": \"os-22h2-to-23h2-cau\"").And.Contain("\"name\": \"os-23h2-to-24h2-sconfig\"");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string file, string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var result = (process.ExitCode, output.Result, error.Result);
        if (result.ExitCode != 0)
        {
            // Show what failed: the pack or install output is the only clue in a CI log.
            Console.Error.WriteLine($"{file} {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Item2}\n{result.Item3}");
        }

        return result;
    }
}
