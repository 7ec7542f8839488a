//! What publishing needs from the operating system: the site lock, the one-step exchange of two
//! folders (Linux), inode numbers, permission checks and whether a process is still running,
//! each with a plain fallback where the system has no such thing.

use std::path::Path;

/// Only one build of a site publishes or tidies at a time. The lock goes with the process, so a
/// killed build never leaves it taken.
pub(super) struct SiteLock {
    _file: Option<std::fs::File>,
}

impl SiteLock {
    pub(super) fn take(root: &Path) -> Result<SiteLock, String> {
        #[cfg(unix)]
        let file = std::fs::File::open(root);
        #[cfg(not(unix))]
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(root.join(".signpost-lock"));
        let file = file.map_err(|e| format!("Cannot open the site folder {}: {e}", root.display()))?;
        match file.lock() {
            Ok(()) => Ok(SiteLock { _file: Some(file) }),
            Err(error) if error.kind() == std::io::ErrorKind::Unsupported => Ok(SiteLock { _file: None }),
            Err(error) => Err(format!("Cannot lock the site folder {}: {error}", root.display())),
        }
    }
}

/// Swaps two folders in one step (Linux); `Unsupported` where that cannot be done.
#[cfg(any(target_os = "linux", target_os = "android"))]
pub(super) fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt as _;
    if std::env::var_os(super::publish::NO_EXCHANGE_HOOK).is_some() {
        return Err(std::io::ErrorKind::Unsupported.into());
    }
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that live across the call.
    let result = unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
    if result == 0 {
        return Ok(());
    }
    let error = std::io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Err(std::io::ErrorKind::Unsupported.into()),
        _ => Err(error),
    }
}

/// Swaps two folders in one step; not available here.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub(super) fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The device and inode number of a folder (Unix), without following a link.
pub(super) fn identity_of(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// True when `a` and `b` are on the same file system (always true where that cannot be told).
pub(super) fn same_device(a: &Path, b: &Path) -> bool {
    match (identity_of(a), identity_of(b)) {
        (Some((first, _)), Some((second, _))) => first == second,
        _ => true,
    }
}

/// Checks that the folder's entries can be added and removed.
pub(super) fn writable(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let path = std::ffi::CString::new(folder.as_os_str().as_bytes())?;
        // SAFETY: a valid NUL-terminated path that lives across the call.
        if unsafe { libc::access(path.as_ptr(), libc::W_OK | libc::X_OK) } == 0 {
            Ok(())
        } else {
            Err(std::io::Error::last_os_error())
        }
    }
    #[cfg(not(unix))]
    {
        if std::fs::metadata(folder)?.permissions().readonly() {
            Err(std::io::ErrorKind::PermissionDenied.into())
        } else {
            Ok(())
        }
    }
}

/// Flushes a folder's entries to disk where the system allows it.
pub(super) fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(file) = std::fs::File::open(folder) {
        let _ = file.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// True when the build with this PID may still be running: on Unix, when the process exists;
/// elsewhere, when its folder changed in the last hour.
pub(super) fn is_running(pid: u32, folder: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let _ = folder;
        let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
        if pid <= 0 {
            return true;
        }
        // SAFETY: signal 0 only asks whether the process exists.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        std::fs::metadata(folder)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .is_none_or(|age| age < std::time::Duration::from_secs(3600))
    }
}
