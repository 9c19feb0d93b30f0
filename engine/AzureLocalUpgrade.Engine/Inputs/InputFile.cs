using System.Text;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>Why a file could not be read as an input.</summary>
public enum InputProblem
{
    None,
    NotFound,
    NotRegularFile,
    TooLarge,
    Unreadable,
}

/// <summary>The outcome of <see cref="InputFile.Read"/>: the bytes, or the problem and what it was about.</summary>
public sealed record InputRead(string Path, byte[]? Bytes, InputProblem Problem, FileKind Kind, long Size, long Limit, string Detail)
{
    public bool Succeeded => Problem == InputProblem.None;

    /// <summary>The text, decoded as File.ReadAllText does (UTF-8 unless a byte-order mark says otherwise).</summary>
    public string Text()
    {
        using var reader = new StreamReader(new MemoryStream(Bytes ?? []), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The problem as a diagnostic (ALU1001, ALU1002, ALU1004 or ALU1020) at <paramref name="where"/>.</summary>
    public Diagnostic ToDiagnostic(SourceSpan? where = null)
    {
        var at = where ?? SourceSpan.At(Path, 1, 1);
        return Problem switch
        {
            InputProblem.NotFound => DiagnosticCatalog.FileNotFound(at, Path),
            InputProblem.NotRegularFile => InputDiagnostics.NotRegularFile(at, Path, Kind),
            InputProblem.TooLarge => DiagnosticCatalog.FileTooLarge(SourceSpan.At(Path, 1, 1), Size, Limit),
            InputProblem.Unreadable => DiagnosticCatalog.FileUnreadable(at, Path, Detail),
            _ => throw new InvalidOperationException("The file was read; there is no problem to report."),
        };
    }

    /// <summary>One line for messages that are not diagnostics.</summary>
    public string Describe() => Problem switch
    {
        InputProblem.NotFound => $"{Path} does not exist",
        InputProblem.NotRegularFile => $"{Path} is {FileKinds.Describe(Kind)}, not a regular file",
        InputProblem.TooLarge => $"{Path} is larger than the limit of {Limit} bytes",
        InputProblem.Unreadable => $"{Path} cannot be read: {Detail}",
        _ => $"{Path} was read",
    };
}

/// <summary>
/// The one way alu reads a file it is given or finds: only a regular file (never a device, FIFO or socket, checked
/// before opening, because opening a FIFO blocks), its size checked before reading, and never more than the limit
/// plus one byte read, whatever the size said (a file may grow, and /proc or device files report 0). Memory is
/// therefore bounded by the limit for every input, and no input can block alu.
/// </summary>
public static class InputFile
{
    public static InputRead Read(string path, long limit)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileKind kind;
        try
        {
            kind = FileKinds.Of(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Failed(path, InputProblem.Unreadable, FileKind.Unknown, limit, e.Message);
        }

        switch (kind)
        {
            case FileKind.Missing:
                return Failed(path, InputProblem.NotFound, kind, limit, "");
            case FileKind.Directory:
                return Failed(path, InputProblem.Unreadable, kind, limit, "it is a folder, not a file");
            case FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Fifo or FileKind.Socket:
                return Failed(path, InputProblem.NotRegularFile, kind, limit, "");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            if (!stream.CanSeek)
            {
                return Failed(path, InputProblem.NotRegularFile, FileKind.Unknown, limit, "");
            }

            var size = stream.Length;
            if (size > limit)
            {
                return new InputRead(path, null, InputProblem.TooLarge, kind, size, limit, "");
            }

            return ReadAtMost(stream, path, kind, limit, size);
        }
        catch (NotSupportedException)
        {
            return Failed(path, InputProblem.NotRegularFile, FileKind.Unknown, limit, "");
        }
        catch (FileNotFoundException)
        {
            return Failed(path, InputProblem.NotFound, kind, limit, "");
        }
        catch (DirectoryNotFoundException)
        {
            return Failed(path, InputProblem.NotFound, kind, limit, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Failed(path, InputProblem.Unreadable, kind, limit, e.Message);
        }
    }

    private static InputRead ReadAtMost(FileStream stream, string path, FileKind kind, long limit, long size)
    {
        // One byte more than the limit tells "too large" from "exactly the limit" without trusting the size.
        var buffer = new byte[(int)Math.Min(limit + 1, Math.Max(size + 1, 4096))];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > limit)
                {
                    return new InputRead(path, null, InputProblem.TooLarge, kind, total, limit, "");
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1, (long)buffer.Length * 2));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > limit)
        {
            return new InputRead(path, null, InputProblem.TooLarge, kind, total, limit, "");
        }

        Array.Resize(ref buffer, total);
        return new InputRead(path, buffer, InputProblem.None, kind, total, limit, "");
    }

    private static InputRead Failed(string path, InputProblem problem, FileKind kind, long limit, string detail) =>
        new(path, null, problem, kind, 0, limit, detail);
}
