using System.Text.RegularExpressions;

namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>
/// The expectations an invalid fixture declares in its leading comments:
/// <c># expect: ALU2003 at 14:9</c> (a position in the file itself), <c># expect: ALU1011 at a.yaml:4:5</c>
/// (another file), <c># set: name=value</c> and <c># params: file.yaml</c> (values to bind), <c># max-bytes: N</c>
/// (a smaller file-size limit, so the size check is covered without a 1 MiB fixture).
/// </summary>
internal sealed partial record CorpusCase(string Path, IReadOnlyList<string> Expected, IReadOnlyList<string> SetArgs, string? ParamsFile, long? MaxBytes)
{
    public static CorpusCase Read(string path)
    {
        var expected = new List<string>();
        var setArgs = new List<string>();
        string? paramsFile = null;
        long? maxBytes = null;
        var fileName = System.IO.Path.GetFileName(path);
        foreach (var line in File.ReadLines(path).TakeWhile(l => l.StartsWith('#')))
        {
            if (ExpectLine().Match(line) is { Success: true } expect)
            {
                var file = expect.Groups["file"].Success ? expect.Groups["file"].Value : fileName;
                expected.Add($"{expect.Groups["code"].Value} at {file}:{expect.Groups["line"].Value}:{expect.Groups["col"].Value}");
            }
            else if (line.StartsWith("# set: ", StringComparison.Ordinal))
            {
                setArgs.Add(line["# set: ".Length..]);
            }
            else if (line.StartsWith("# params: ", StringComparison.Ordinal))
            {
                paramsFile = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, line["# params: ".Length..].Trim());
            }
            else if (line.StartsWith("# max-bytes: ", StringComparison.Ordinal))
            {
                maxBytes = long.Parse(line["# max-bytes: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return new CorpusCase(path, expected, setArgs, paramsFile, maxBytes);
    }

    public bool BindsParameters => SetArgs.Count > 0 || ParamsFile is not null;

    [GeneratedRegex(@"^# expect: (?<code>ALU\d{4}) at (?:(?<file>[^:\s]+):)?(?<line>\d+):(?<col>\d+)\s*$")]
    private static partial Regex ExpectLine();
}
