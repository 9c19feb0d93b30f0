namespace AzureLocalUpgrade.Cli.Output;

/// <summary>How a command prints diagnostics and listings: for people, or as stable JSON on stdout.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
