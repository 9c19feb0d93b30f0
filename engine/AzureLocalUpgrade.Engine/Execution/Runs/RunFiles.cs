using System.Text.Json;
using AzureLocalUpgrade.Engine.Execution.Journal;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.Engine.Execution.Runs;

/// <summary>The JSON files alu keeps in a run folder (run.json, pinned/parameters.json), read through the bounded reader.</summary>
public static class RunFiles
{
    private static readonly JsonSerializerOptions Options = new(JournalJson.Options) { MaxDepth = InputLimits.JsonDepth };

    /// <exception cref="RunFileException">The file is missing, not a regular file, too large or not valid JSON.</exception>
    public static T? Deserialize<T>(string path)
    {
        var read = InputFile.Read(path, InputLimits.RunFile);
        if (!read.Succeeded)
        {
            throw new RunFileException(path, read.Problem == InputProblem.NotFound ? "it is missing" : read.Describe(), read.Problem == InputProblem.NotFound);
        }

        return Deserialize<T>(read.Bytes!, path);
    }

    /// <summary>The same for a document already read (from a store other than files), held to the same size limit.</summary>
    /// <param name="source">Names the document in messages.</param>
    /// <exception cref="RunFileException">The document is too large or not valid JSON.</exception>
    public static T? Deserialize<T>(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > InputLimits.RunFile)
        {
            throw new RunFileException(source, $"it is {bytes.Length} bytes, over the limit of {InputLimits.RunFile} bytes");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options);
        }
        catch (JsonException e)
        {
            throw new RunFileException(source, $"it is not valid JSON ({e.Message})");
        }
    }

    /// <exception cref="RunFileException">As <see cref="Deserialize{T}"/>.</exception>
    public static JsonDocument Parse(string path)
    {
        var read = InputFile.Read(path, InputLimits.RunFile);
        if (!read.Succeeded)
        {
            throw new RunFileException(path, read.Problem == InputProblem.NotFound ? "it is missing" : read.Describe(), read.Problem == InputProblem.NotFound);
        }

        try
        {
            return JsonDocument.Parse(read.Bytes, BoundedJson.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new RunFileException(path, $"it is not valid JSON ({e.Message})");
        }
    }
}

/// <summary>A file of a run folder that cannot be used; <see cref="Exception.Message"/> names it and says why.</summary>
public sealed class RunFileException : IOException
{
    public RunFileException()
    {
    }

    public RunFileException(string message)
        : base(message)
    {
    }

    public RunFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunFileException(string path, string reason, bool missing = false)
        : base($"{path}: {reason}")
    {
        FilePath = path;
        Reason = reason;
        Missing = missing;
    }

    public string FilePath { get; } = "";

    public string Reason { get; } = "";

    /// <summary>True when the file does not exist at all.</summary>
    public bool Missing { get; }
}
