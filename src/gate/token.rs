//! The pass token: `SB1.<pass id>.<signature>`, upper-case ASCII so a QR code holds it in
//! alphanumeric mode and a USB scanner types it on any keyboard layout. The signature is the
//! first 80 bits of an HMAC-SHA256 over the pass id and its issue time, keyed with this
//! installation's secret, so a pass cannot be made up or altered elsewhere.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

const PREFIX: &str = "SB1";
/// Bytes of the MAC kept in the token (hex doubles them).
const SIGNATURE_BYTES: usize = 10;

fn mac(secret: &[u8], pass_id: i64, issued_at: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(format!("{PREFIX}|{pass_id}|{issued_at}").as_bytes());
    mac
}

pub fn sign(secret: &[u8], pass_id: i64, issued_at: &str) -> String {
    let tag = mac(secret, pass_id, issued_at).finalize().into_bytes();
    format!(
        "{PREFIX}.{pass_id}.{}",
        hex::encode_upper(&tag[..SIGNATURE_BYTES])
    )
}

/// The pass id and the signature of something shaped like a token (as a scanner types it,
/// lower case or with spaces around included); None for anything else.
pub fn parse(scanned: &str) -> Option<(i64, Vec<u8>)> {
    let scanned = scanned.trim().to_ascii_uppercase();
    let mut parts = scanned.split('.');
    let (prefix, id, signature) = (parts.next()?, parts.next()?, parts.next()?);
    if prefix != PREFIX || parts.next().is_some() || id.is_empty() || id.len() > 12 {
        return None;
    }
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let signature = hex::decode(signature).ok()?;
    (signature.len() == SIGNATURE_BYTES).then_some(())?;
    Some((id.parse().ok()?, signature))
}

/// Whether the signature was made with this secret for this pass (compared in constant time).
pub fn genuine(secret: &[u8], pass_id: i64, issued_at: &str, signature: &[u8]) -> bool {
    mac(secret, pass_id, issued_at)
        .verify_truncated_left(signature)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";
    const AT: &str = "2026-11-23T08:00:00Z";

    #[test]
    fn a_signed_token_reads_back_and_is_genuine() {
        let token = sign(SECRET, 42, AT);
        assert!(token.starts_with("SB1.42."));
        assert_eq!(token.len(), "SB1.42.".len() + 20);
        assert!(
            token
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'.')
        );
        let (id, signature) = parse(&format!("  {}\n", token.to_lowercase())).unwrap();
        assert_eq!(id, 42);
        assert!(genuine(SECRET, id, AT, &signature));
    }

    #[test]
    fn an_altered_or_foreign_token_is_not_genuine() {
        let token = sign(SECRET, 42, AT);
        let (_, signature) = parse(&token).unwrap();
        // Another pass id with the same signature.
        assert!(!genuine(SECRET, 43, AT, &signature));
        // The same pass re-issued at another time.
        assert!(!genuine(SECRET, 42, "2026-11-23T08:00:01Z", &signature));
        // Made with another installation's secret.
        let foreign = sign(b"another installation", 42, AT);
        let (_, foreign) = parse(&foreign).unwrap();
        assert!(!genuine(SECRET, 42, AT, &foreign));
        // One changed hex digit.
        let mut flipped = token.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'0' { b'1' } else { b'0' };
        let (_, flipped) = parse(std::str::from_utf8(&flipped).unwrap()).unwrap();
        assert!(!genuine(SECRET, 42, AT, &flipped));
    }

    #[test]
    fn only_the_token_shape_parses() {
        for bad in [
            "",
            "SB1",
            "SB1.42",
            "SB2.42.00112233445566778899",
            "SB1.x.00112233445566778899",
            "SB1.42.0011223344556677889",
            "SB1.42.00112233445566778899.7",
            "京A12345",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }
}
