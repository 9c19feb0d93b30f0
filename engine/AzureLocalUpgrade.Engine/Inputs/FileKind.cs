using System.Runtime.InteropServices;

namespace AzureLocalUpgrade.Engine.Inputs;

/// <summary>What a path names, told apart before it is opened: opening a FIFO for reading blocks until a writer
/// comes, and a device such as /dev/zero never ends, so only a regular file may be read as an input.</summary>
public enum FileKind
{
    Missing,
    Directory,
    Regular,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,

    /// <summary>The platform cannot say without opening it (not Linux); the bounded read still caps its size.</summary>
    Unknown,
}

/// <summary>Finds a path's <see cref="FileKind"/> (following symbolic links, as opening it would).</summary>
public static class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: stx_mode is a __u16 at byte 28 on every Linux architecture
    private const int TypeMask = 0xF000;
    private static bool _statxMissing;

    public static FileKind Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && !_statxMissing && TryStatx(path) is { } kind)
        {
            return kind;
        }

        // Windows refuses to open devices and pipes as FileStreams (NotSupportedException), which the reader reports.
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? (OperatingSystem.IsWindows() ? FileKind.Regular : FileKind.Unknown) : FileKind.Missing;
    }

    /// <summary>"a FIFO (named pipe)", for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a folder",
        FileKind.CharacterDevice => "a character device (such as /dev/zero or a terminal)",
        FileKind.BlockDevice => "a block device (a disk)",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "not a regular file",
    };

    private static FileKind? TryStatx(string path)
    {
        var buffer = new byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                // ENOENT, ENOTDIR: nothing there. Anything else (EACCES on a parent...): let opening it report why.
                return error is 2 or 20 ? FileKind.Missing : null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _statxMissing = true; // a C library older than glibc 2.28
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code in the whole project for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
