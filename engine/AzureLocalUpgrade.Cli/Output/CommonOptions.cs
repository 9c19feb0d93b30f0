using System.CommandLine;

namespace AzureLocalUpgrade.Cli.Output;

/// <summary>Options several commands share, built the same way everywhere.</summary>
public static class CommonOptions
{
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static OutputFormat DiagnosticFormat(string format) =>
        string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
