using AzureLocalUpgrade.Engine.Schema;
using AzureLocalUpgrade.Cli.Running;
using AzureLocalUpgrade.Engine.Validation;
using AzureLocalUpgrade.Engine.Diagnostics;
namespace AzureLocalUpgrade.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        PhaseTimings.Mark("runtime start -> Main");
        // The real process remembers clean schema and script-parse results in the user's cache, so unchanged files
        // skip NJsonSchema's and PowerShell's start-up (docs/performance.md). Tests call CliApplication directly.
        if (CleanContentCache.UserDirectory() is { } cacheDirectory)
        {
            SchemaValidator.CleanCache = new CleanContentCache(cacheDirectory, SchemaValidator.CacheName);
            CliRunbookValidation.ParseCache = ScriptParseCache.In(cacheDirectory);
            PlanOutputCache.User = new PlanOutputCache(cacheDirectory);
        }

        var console = CliConsole.FromSystemConsole();
        PhaseTimings.Mark("console");
        var exitCode = await CliApplication.RunAsync(args, console).ConfigureAwait(false);
        PhaseTimings.Finish();
        // Exit now with the code alu decided (the one the journal holds): a step's pipeline that ignored stopping and
        // was abandoned may still be running on a foreground thread, and waiting for it would delay the exit and let
        // the runtime report the process as ended by the signal (143) instead.
        Console.Out.Flush();
        Console.Error.Flush();
        Environment.Exit(exitCode);
        return exitCode;
    }
}
