//! What a word of a page is indexed as, worked out once per thread.
//!
//! `get_indexable_words` and `get_dotted_tails` depend only on the word, the
//! page's stemmer and the configured `include_characters`, and every page
//! repeats the same few thousand words. Normalising, stemming and splitting
//! each occurrence again was most of the time spent fossicking; here each
//! distinct word is analysed once per thread and the result is shared. The
//! original form of a word with diacritics is kept once, as an `Arc<str>`,
//! however many positions refer to it.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use hashbrown::HashMap;
use pagefind_stem::Stemmer;

use super::splitting::{get_dotted_tails, get_indexable_words, IndexableWord};

/// A cache is cleared when it holds more words than this, so a site with a
/// huge vocabulary does not keep it all in memory.
const MAX_WORDS: usize = 100_000;

/// One word to index for a word of the page: what `IndexableWord` says.
#[derive(Debug)]
pub struct Indexable {
    pub stemmed: Box<str>,
    pub is_compound_part: bool,
    pub original: Option<Arc<str>>,
}

impl From<IndexableWord> for Indexable {
    fn from(word: IndexableWord) -> Self {
        Indexable {
            stemmed: word.stemmed.into_boxed_str(),
            is_compound_part: word.is_compound_part,
            original: word.original.map(Arc::from),
        }
    }
}

/// The analysed words of one thread, for one language and set of
/// `include_characters` at a time.
#[derive(Default)]
pub struct WordCache {
    language: String,
    include_characters: Vec<char>,
    words: HashMap<Box<str>, Rc<[Indexable]>>,
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}

impl WordCache {
    /// This thread's cache, emptied first if it was made for another
    /// language or other `include_characters`. Hand it back with `put_back`.
    pub fn take(language: &str, include_characters: &[char]) -> WordCache {
        let mut cache = CACHE.take();
        if cache.language != language || cache.include_characters != include_characters {
            cache.words.clear();
            cache.language = language.to_string();
            cache.include_characters = include_characters.to_vec();
        }
        cache
    }

    /// Keeps the cache for the thread's next page.
    pub fn put_back(mut self) {
        if self.words.len() > MAX_WORDS {
            self.words.clear();
        }
        CACHE.set(self);
    }

    /// The words to index for `word`: `get_indexable_words` followed by
    /// `get_dotted_tails`, as the page's fossicking has always done.
    pub fn analyse(
        &mut self,
        word: &str,
        stemmer: Option<&Stemmer>,
        include_characters: &[char],
    ) -> Rc<[Indexable]> {
        if let Some(known) = self.words.get(word) {
            return Rc::clone(known);
        }
        let analysed: Rc<[Indexable]> = analyse(word, stemmer, include_characters)
            .into_iter()
            .map(Indexable::from)
            .collect();
        self.words.insert(word.into(), Rc::clone(&analysed));
        analysed
    }
}

/// The words to index for `word`, without a cache.
pub fn analyse(
    word: &str,
    stemmer: Option<&Stemmer>,
    include_characters: &[char],
) -> Vec<IndexableWord> {
    let mut words = get_indexable_words(word, stemmer, include_characters);
    let tails = get_dotted_tails(word, stemmer, include_characters, &words);
    words.extend(tails);
    words
}

#[cfg(test)]
mod tests {
    use pagefind_stem::Algorithm;

    use super::*;

    fn uncached(
        word: &str,
        stemmer: Option<&Stemmer>,
        include: &[char],
    ) -> Vec<(String, bool, Option<String>)> {
        analyse(word, stemmer, include)
            .into_iter()
            .map(|w| (w.stemmed, w.is_compound_part, w.original))
            .collect()
    }

    fn cached(
        cache: &mut WordCache,
        word: &str,
        stemmer: Option<&Stemmer>,
        include: &[char],
    ) -> Vec<(String, bool, Option<String>)> {
        cache
            .analyse(word, stemmer, include)
            .iter()
            .map(|w| {
                (
                    w.stemmed.to_string(),
                    w.is_compound_part,
                    w.original.as_deref().map(String::from),
                )
            })
            .collect()
    }

    #[test]
    fn a_cached_word_is_what_it_was_when_analysed() {
        let stemmer = Stemmer::create(Algorithm::Swedish);
        let mut cache = WordCache::take("sv", &[]);
        let words = [
            "Göteborgsregionen",
            "konferensen,",
            "sysconfig.is_python_build",
            "Nära-vård",
            "x",
            "Öckerö.",
        ];
        for _ in 0..2 {
            for word in words {
                assert_eq!(
                    cached(&mut cache, word, Some(&stemmer), &[]),
                    uncached(word, Some(&stemmer), &[])
                );
            }
        }
        cache.put_back();
    }

    #[test]
    fn another_language_or_other_characters_start_afresh() {
        let swedish = Stemmer::create(Algorithm::Swedish);
        let english = Stemmer::create(Algorithm::English);
        let mut cache = WordCache::take("sv", &[]);
        cache.analyse("konferenser", Some(&swedish), &[]);
        cache.put_back();
        let mut cache = WordCache::take("en", &[]);
        assert_eq!(
            cached(&mut cache, "konferenser", Some(&english), &[]),
            uncached("konferenser", Some(&english), &[])
        );
        cache.put_back();
        let mut cache = WordCache::take("en", &['#']);
        assert_eq!(
            cached(&mut cache, "C#", Some(&english), &['#']),
            uncached("C#", Some(&english), &['#'])
        );
        cache.put_back();
    }
}
