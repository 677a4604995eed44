package sluice.engine.expr.compile;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Spark's sentences: the text cut into sentences and each sentence into words by Java's BreakIterator for the
 * language and country given (US English when the language is NULL), keeping the pieces that start with a letter or
 * digit. Stateless.
 */
final class Sentences {
    private Sentences() {
    }

    static List<List<String>> of(String text, String language, String country) {
        Locale locale = language == null ? Locale.US
                : country == null ? new Locale(language) : new Locale(language, country);
        BreakIterator sentences = BreakIterator.getSentenceInstance(locale);
        sentences.setText(text);
        List<List<String>> result = new ArrayList<>();
        int start = 0;
        for (int end = sentences.next(); end != BreakIterator.DONE; end = sentences.next()) {
            result.add(words(text.substring(start, end), locale));
            start = end;
        }
        return Collections.unmodifiableList(result);
    }

    private static List<String> words(String sentence, Locale locale) {
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(sentence);
        List<String> found = new ArrayList<>();
        int start = 0;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            String word = sentence.substring(start, end);
            if (Character.isLetterOrDigit(word.charAt(0))) {
                found.add(word);
            }
            start = end;
        }
        return Collections.unmodifiableList(found);
    }
}
