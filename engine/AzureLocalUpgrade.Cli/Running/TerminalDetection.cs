namespace AzureLocalUpgrade.Cli.Running;

/// <summary>The scheduler contract's "is anybody there?": prompts and live rendering need a terminal on both ends.</summary>
public static class TerminalDetection
{
    public static bool StdinIsTerminal => !Console.IsInputRedirected;

    public static bool StdoutIsTerminal => !Console.IsOutputRedirected;

    /// <summary>A prompt may be shown only when a person can both read it and answer it.</summary>
    public static bool CanPrompt => StdinIsTerminal && StdoutIsTerminal;
}
