using System.Text;
using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Cli.Tests.Schedulers;

/// <summary>
/// The alu command line a scheduler sample fires, read out of the sample file as written (cron line, systemd
/// ExecStart, Task Scheduler Arguments, CI script), split into arguments the way a shell would.
/// </summary>
internal sealed partial record SchedulerSample(string File, bool ThroughWrapper, IReadOnlyList<string> Arguments)
{
    public static SchedulerSample Read(string relativePath)
    {
        var path = Path.Combine(Harness.AluProcess.RepositoryRoot, "samples", "schedulers", relativePath);
        var text = System.IO.File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal);
        var line = Path.GetExtension(path) switch
        {
            ".xml" => XmlArguments().Match(text).Groups[1].Value,
            _ => FirstAluRun().Match(text).Value,
        };
        line.Should().NotBeEmpty($"{relativePath} should contain an alu run command line");

        var words = Split(line);
        var run = words.IndexOf("run");
        var wrapper = words.Take(run).Any(w => w.EndsWith("alu-continue.sh", StringComparison.Ordinal));
        // Output redirection belongs to the shell, not to alu.
        var end = words.FindIndex(w => w.StartsWith(">>", StringComparison.Ordinal) || w == ">" || w == "2>&1");
        var arguments = words.Skip(run).Take((end < 0 ? words.Count : end) - run).ToList();
        return new SchedulerSample(relativePath, wrapper, arguments);
    }

    /// <summary>The same arguments with the sample's machine paths replaced by the test's files.</summary>
    public IReadOnlyList<string> WithPaths(string plan, string approvals, string stateDir)
    {
        var result = new List<string>(Arguments);
        result[1] = plan;
        Replace(result, "--approvals", approvals);
        Replace(result, "--state-dir", stateDir);
        return result;
    }

    public string? Option(string name)
    {
        var at = Arguments.ToList().IndexOf(name);
        return at < 0 ? null : Arguments[at + 1];
    }

    private static void Replace(List<string> arguments, string option, string value)
    {
        var at = arguments.IndexOf(option);
        at.Should().BeGreaterThan(0, $"the sample should pass {option}");
        arguments[at + 1] = value;
    }

    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote) { quote = null; } else { word.Append(c); }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord) { words.Add(word.ToString()); }
        return words;
    }

    [GeneratedRegex(@"<Arguments>(.*?)</Arguments>", RegexOptions.Singleline)]
    private static partial Regex XmlArguments();

    // From the program (alu, alu.exe or the wrapper) through the end of that line or folded YAML block.
    [GeneratedRegex(@"\S*(alu|alu-continue\.sh) run [^\n]*(\n[ \t]+--[^\n]*)*")]
    private static partial Regex FirstAluRun();
}
