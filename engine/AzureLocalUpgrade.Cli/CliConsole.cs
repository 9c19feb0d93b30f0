using System.Text;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli;

/// <summary>
/// Where a command writes: raw writers for machine output (json, plans) and Spectre consoles over the same writers
/// for human output. Tests pass StringWriters; the real program passes the process streams.
/// </summary>
/// <remarks>
/// The Spectre consoles are created on first use: creating one (terminal and capability detection) costs tens of
/// milliseconds at start-up, which machine output such as <c>alu plan --format json</c> never needs.
/// </remarks>
public sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole> _human;
    private readonly Lazy<IAnsiConsole> _humanError;

    public CliConsole(TextWriter output, TextWriter error, string workingDirectory)
    {
        Out = output;
        Error = error;
        WorkingDirectory = workingDirectory;
        _human = new Lazy<IAnsiConsole>(() => Create(output));
        _humanError = new Lazy<IAnsiConsole>(() => Create(error));
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Human output on stdout (tables, ticks). Colour only when stdout is a terminal.</summary>
    public IAnsiConsole Human => _human.Value;

    public IAnsiConsole HumanError => _humanError.Value;

    public string WorkingDirectory { get; }

    /// <summary>True when stdout is the process's own and a terminal: tables get rounded borders (Output.Tables).</summary>
    public bool OutIsTerminal => IsSystemConsole && !Console.IsOutputRedirected;

    /// <summary>True for the real process streams; tests pass writers and never get prompts or live rendering.</summary>
    public bool IsSystemConsole => ReferenceEquals(Out, Console.Out);

    /// <summary>
    /// Writes UTF-8 text to <see cref="Out"/>. The process's stdout gets the bytes in large writes when it is UTF-8
    /// anyway: <see cref="Console.Out"/> makes one system call per 256 bytes, thousands for a large json plan.
    /// </summary>
    public void WriteOut(Stream utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (IsSystemConsole && Out.Encoding.CodePage == Encoding.UTF8.CodePage)
        {
            Out.Flush();
            // Not disposed: the stream only wraps the process's stdout, which stays open for later writes.
            var stdout = Console.OpenStandardOutput();
            utf8.CopyTo(stdout, 1 << 16);
            stdout.Flush();
            return;
        }

        using var reader = new StreamReader(utf8, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        Out.Write(reader.ReadToEnd());
    }

    public static CliConsole FromSystemConsole() => new(Console.Out, Console.Error, Directory.GetCurrentDirectory());

    /// <summary>A path as the user should see it: relative to the working directory when it lies under it.</summary>
    public string DisplayPath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(WorkingDirectory, Path.GetFullPath(path, WorkingDirectory));
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative.Replace('\\', '/');
    }

    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    private static IAnsiConsole Create(TextWriter writer)
    {
        // Colour and wrapping only on a real terminal; files, pipes and tests get plain, unwrapped text.
        var terminal = (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
