//! Fault injection for tests: makes the project writer fail as a full disk would, after a given
//! number of bytes, on this thread only. Never active unless a test asks for it.

use std::cell::Cell;
use std::io::Write;

thread_local! {
    /// Bytes still allowed before the injected error, and the error's `errno`.
    static FAULT: Cell<Option<(u64, i32)>> = const { Cell::new(None) };
}

/// While alive, every project file written on this thread fails with the system error `errno`
/// once `after_bytes` more bytes have been written in all (like a disk with that much room left).
/// Dropping it ends the fault. For tests only.
#[doc(hidden)]
#[must_use = "the fault ends when the guard is dropped"]
pub struct InjectedWriteFault {
    previous: Option<(u64, i32)>,
}

/// Starts an injected write fault on this thread (see [`InjectedWriteFault`]).
#[doc(hidden)]
pub fn inject_write_fault(after_bytes: u64, errno: i32) -> InjectedWriteFault {
    let previous = FAULT.with(|f| f.replace(Some((after_bytes, errno))));
    InjectedWriteFault { previous }
}

impl Drop for InjectedWriteFault {
    fn drop(&mut self) {
        FAULT.with(|f| f.set(self.previous));
    }
}

/// Writes all of `bytes`, honouring an injected fault: the bytes that fit are written, then the
/// injected error is returned.
pub(crate) fn write_all(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    let Some((room, errno)) = FAULT.with(Cell::get) else {
        return out.write_all(bytes);
    };
    let fits = usize::try_from(room).unwrap_or(usize::MAX).min(bytes.len());
    out.write_all(&bytes[..fits])?;
    FAULT.with(|f| f.set(Some((room - fits as u64, errno))));
    if fits < bytes.len() {
        return Err(std::io::Error::from_raw_os_error(errno));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fault_lets_the_room_through_then_fails_until_dropped() {
        let mut out = Vec::new();
        {
            let _fault = inject_write_fault(5, 28);
            write_all(&mut out, b"abc").expect("fits");
            let error = write_all(&mut out, b"defg").expect_err("room exhausted");
            assert_eq!(error.raw_os_error(), Some(28));
            assert_eq!(out, b"abcde");
            assert!(write_all(&mut out, b"h").is_err());
        }
        write_all(&mut out, b"xyz").expect("the fault ended");
        assert_eq!(out, b"abcdexyz");
    }
}
