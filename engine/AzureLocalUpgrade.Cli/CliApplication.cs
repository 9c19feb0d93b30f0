namespace AzureLocalUpgrade.Cli;

/// <summary>Builds the `alu` command tree. Commands are added by the engine-core work.</summary>
public static class CliApplication
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("alu: no commands yet");
        return args.Length == 0 ? 2 : 2;
    }
}
