using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace AzureLocalUpgrade.Cli.Tests.SchemaAgreement;

/// <summary>
/// ajv (draft-07) and the yaml package, run by Node.js over tests/schema-agreement/validate.js: an implementation of
/// JSON Schema that shares no code with alu's (NJsonSchema), as an editor would check a runbook. The pinned packages
/// (package-lock.json) are installed with <c>npm ci</c> on first use into a folder under the temp folder named by the
/// lock file's hash, and found through NODE_PATH, so the checkout stays clean and a changed lock installs afresh.
/// </summary>
internal static class IndependentValidator
{
    public static readonly string Folder = Path.Combine(Harness.AluProcess.RepositoryRoot, "tests", "schema-agreement");

    private static readonly Lazy<string?> NodeMissing = new(() => Probe("node", "--version"));
    private static readonly Lazy<string> Modules = new(Install);

    /// <summary>Why the agreement cannot be tested here (node is not on PATH), or null when it can.</summary>
    public static string? Unavailable => NodeMissing.Value;

    /// <summary>The verdict of ajv on each file: valid or not, and ajv's messages.</summary>
    public static IReadOnlyDictionary<string, (bool Valid, string Errors)> Check(IReadOnlyList<string> files)
    {
        var run = Run("node", Folder, new Dictionary<string, string> { ["NODE_PATH"] = Modules.Value }, [Path.Combine(Folder, "validate.js"), .. files]);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"validate.js failed (exit {run.ExitCode}): {run.Error}");
        }

        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("file").GetString()!, r => (r.GetProperty("valid").GetBoolean(), r.GetProperty("errors").ToString()));
    }

    private static string Install()
    {
        var lockFile = Path.Combine(Folder, "package-lock.json");
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile)))[..16].ToLowerInvariant();
        var target = Path.Combine(Path.GetTempPath(), "alu-schema-agreement", hash);
        var modules = Path.Combine(target, "node_modules");
        if (Directory.Exists(modules))
        {
            return modules;
        }

        // Installed beside, then renamed into place, so a run stopped half-way never leaves a partial node_modules.
        var staging = Path.Combine(Path.GetTempPath(), "alu-schema-agreement", $"{hash}-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        File.Copy(Path.Combine(Folder, "package.json"), Path.Combine(staging, "package.json"), overwrite: true);
        File.Copy(lockFile, Path.Combine(staging, "package-lock.json"), overwrite: true);
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var install = Run(npm, staging, new Dictionary<string, string>(),
            ["ci", "--no-audit", "--no-fund", "--ignore-scripts", "--cache", Path.Combine(Path.GetTempPath(), "alu-schema-agreement", "npm-cache")]);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci for the schema agreement test failed (exit {install.ExitCode}); it needs the npm registry once:\n{install.Error}");
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(modules))
        {
            Directory.Delete(staging, recursive: true); // another test process installed the same lock first
        }

        return modules;
    }

    private static string? Probe(string program, string argument)
    {
        try
        {
            return Run(program, Folder, new Dictionary<string, string>(), [argument]).ExitCode == 0 ? null : $"'{program} {argument}' failed";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"Node.js is not installed ('{program}' is not on PATH): the ajv agreement test needs it. Install Node.js 18 or later to run it.";
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
